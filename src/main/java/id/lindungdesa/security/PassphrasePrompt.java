package id.lindungdesa.security;

import java.nio.file.Path;

/**
 * How the program asks the person at the keyboard for a passphrase (console for the CLI, a dialog on the desktop).
 * {@code wiring.SecureOpener} uses {@code LINDUNGDESA_PASSPHRASE} first when it is set.
 */
public interface PassphrasePrompt {
    /** The passphrase of an existing encrypted database; {@code problem} says why it is asked again. Null: give up. */
    char[] existing(Path database, int attempt, String problem);

    /** A new passphrase for a new database; null or empty: no encryption (a warning follows). */
    char[] chooseNew(Path database);

    /** Shows the recovery code once, for the person to write down or print. */
    void showRecoveryCode(Path database, String recoveryCode);

    /** Shows a warning (e.g. "created without encryption"). */
    void warn(String message);

    /** A prompt that cannot ask anyone (scripts, tests): only {@code LINDUNGDESA_PASSPHRASE} counts. */
    PassphrasePrompt NONE = new PassphrasePrompt() {
        @Override
        public char[] existing(Path database, int attempt, String problem) {
            return null;
        }

        @Override
        public char[] chooseNew(Path database) {
            return null;
        }

        @Override
        public void showRecoveryCode(Path database, String recoveryCode) {
        }

        @Override
        public void warn(String message) {
        }
    };
}
