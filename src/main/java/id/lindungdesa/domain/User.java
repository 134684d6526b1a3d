package id.lindungdesa.domain;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * A person who uses the office's database (issue 17): login, name, roles, active or disabled. The password hash is
 * not part of this record; {@code hasPassword} says whether one is set, {@code mustChange} that it is a one-time
 * password set by an admin.
 */
public record User(UUID id, String login, String name, Set<Role> roles, boolean active, boolean hasPassword,
                   boolean mustChange, OffsetDateTime createdAt) {
    public User {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role needed) {
        return needed.grantedBy(roles);
    }

    /** "Budi Santoso (budi)". */
    public String label() {
        return name + " (" + login + ")";
    }
}
