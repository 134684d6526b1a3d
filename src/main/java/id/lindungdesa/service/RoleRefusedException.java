package id.lindungdesa.service;

import id.lindungdesa.domain.Role;
import id.lindungdesa.i18n.LocalizedException;

/**
 * A change refused because the signed-in user lacks the role it needs (issue 17); the message names the role, e.g.
 * "Hanya kepala bidang yang dapat menandatangani bundel." Thrown before anything is written.
 */
public final class RoleRefusedException extends LocalizedException {
    private final Role needed;

    RoleRefusedException(Role needed, String key, Object... args) {
        super(key, args);
        this.needed = needed;
    }

    /** The role that would have allowed it (null: nobody is signed in while the login is on). */
    public Role needed() {
        return needed;
    }
}
