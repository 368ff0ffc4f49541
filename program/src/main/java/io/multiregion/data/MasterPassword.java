package io.multiregion.data;

import java.security.SecureRandom;

/**
 * The master password of the global database, drawn once from {@link SecureRandom}. RDS-managed master passwords
 * ({@code manageMasterUserPassword}) are not supported for Aurora global databases, so the program makes its own.
 *
 * <p>Characters: letters, digits and punctuation that every Aurora engine accepts in a master password; RDS
 * refuses {@code /}, {@code "}, {@code @} and space (RDS API Reference, CreateDBCluster, MasterUserPassword), and
 * the quote, backslash and backquote are left out as well, so that the value survives shells and connection
 * strings unquoted. 32 characters fit every engine's range (the tightest, Aurora MySQL, accepts 8 to 41: same reference).
 */
public final class MasterPassword {
    private MasterPassword() {
    }

    public static final int LENGTH = 32;
    /** The characters a password is drawn from. */
    public static final String ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&()*+,-.:;<=>?[]^_{|}~";

    /** A fresh password of {@link #LENGTH} characters with at least one upper-case letter, lower-case letter and digit. */
    public static String generate(SecureRandom random) {
        while (true) {
            StringBuilder out = new StringBuilder(LENGTH);
            for (int i = 0; i < LENGTH; i++) {
                out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String candidate = out.toString();
            if (candidate.chars().anyMatch(Character::isUpperCase) && candidate.chars().anyMatch(Character::isLowerCase)
                    && candidate.chars().anyMatch(Character::isDigit)) {
                return candidate;
            }
        }
    }
}
