package id.lindungdesa.domain;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a user of the office may do (issue 17). A viewer reads everything and exports reports; a clerk edits rosters,
 * enrolments, agreements and monev and imports spreadsheets; a head does what a clerk does plus signing and sending
 * (bundles, field packages, province packs, key rotation); an admin manages users, backups and security settings.
 * Admin does not include head: signing needs the head role itself.
 */
public enum Role {
    VIEWER, CLERK, HEAD, ADMIN;

    /** The lower-case name used on the command line and in the database ("clerk"). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String s) {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }

    /** True when a holder of {@code held} may do what needs {@code this}. */
    public boolean grantedBy(Collection<Role> held) {
        return switch (this) {
            case VIEWER -> !held.isEmpty();
            case CLERK -> held.contains(CLERK) || held.contains(HEAD);
            case HEAD -> held.contains(HEAD);
            case ADMIN -> held.contains(ADMIN);
        };
    }

    /** "admin,head" → {ADMIN, HEAD}; throws IllegalArgumentException naming the unknown part. */
    public static Set<Role> parseList(String list) {
        Set<Role> out = EnumSet.noneOf(Role.class);
        for (String p : list.split(",")) {
            if (p.isBlank()) continue;
            out.add(parse(p));
        }
        return out;
    }

    public static String codes(Collection<Role> roles) {
        return String.join(",", EnumSet.copyOf(roles).stream().map(Role::code).toList());
    }
}
