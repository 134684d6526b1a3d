package id.lindungdesa.service;

import id.lindungdesa.domain.Role;
import id.lindungdesa.domain.User;
import id.lindungdesa.i18n.Messages;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Who is signed in to this open database (issue 17), held by the composition root and read by every service:
 * {@link #require(Role)} is the one line at each service entry point that writes, and {@link AuditLog} names this
 * user in every entry. While the office has one user the login is off and that user is always signed in; before the
 * office is set up there is nobody and nothing is checked.
 */
public final class Session {
    private final AtomicReference<User> user = new AtomicReference<>();
    private volatile boolean loginOn;
    private volatile String officeCode;

    public Optional<User> user() {
        return Optional.ofNullable(user.get());
    }

    /** True when the office has more than one user: people sign in. */
    public boolean loginOn() {
        return loginOn;
    }

    public String officeCode() {
        return officeCode;
    }

    void setOfficeCode(String code) {
        this.officeCode = code;
    }

    void set(User u, boolean loginOn) {
        this.user.set(u);
        this.loginOn = loginOn;
    }

    /** Ends the signed-in session (the login is on; the next change needs a new sign-in). */
    public void signOut() {
        if (loginOn) user.set(null);
    }

    /** True when the signed-in user (or an office without login) may do what needs {@code role}. */
    public boolean allows(Role role) {
        User u = user.get();
        if (u == null) return !loginOn;
        return u.active() && u.has(role);
    }

    /** Refuses, naming the role needed, unless the signed-in user holds it. */
    public void require(Role role) {
        require(role, "access.do.change");
    }

    /**
     * Refuses unless the signed-in user holds {@code role}; {@code actionKey} names what was tried
     * ("access.do.signBundle" → "Hanya kepala bidang yang dapat menandatangani bundel.").
     */
    public void require(Role role, String actionKey) {
        if (allows(role)) return;
        User u = user.get();
        if (u == null) throw new RoleRefusedException(null, "access.notSignedIn", Messages.tr(actionKey));
        throw new RoleRefusedException(role, "access.only", Messages.tr("access.who." + role.code()),
                Messages.tr(actionKey), u.label(), roleNames(u));
    }

    static String roleNames(User u) {
        return String.join(", ", u.roles().stream().sorted().map(r -> Messages.tr("role." + r.code())).toList());
    }
}
