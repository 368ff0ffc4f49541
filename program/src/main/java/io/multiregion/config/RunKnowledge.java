package io.multiregion.config;

/**
 * What a run of the program knows of its inputs. A deployment ({@code pulumi up}, {@code pulumi preview}) knows every
 * configured value, secrets decrypted, and reads the outputs of the stacks it references as they were deployed. A run
 * that lacks some of them (an offline preview cannot decrypt {@code secure:} values and may read a referenced stack's
 * outputs from a plan in which only the cloud knows some values) says which; the program then skips the checks of those
 * values instead of reporting them as missing or malformed. The deployment that knows them checks them.
 */
public interface RunKnowledge {

    /** Whether the value of a configuration key ({@code namespace:name}) is a secret this run cannot decrypt. */
    boolean cannotDecrypt(String qualifiedKey);

    /** Whether a value read from a referenced stack's outputs stands for a value this run does not know. */
    boolean isUnknown(Object stackOutputValue);

    /** A deployment's knowledge: every value is known. */
    RunKnowledge DEPLOYMENT = new RunKnowledge() {
        @Override
        public boolean cannotDecrypt(String qualifiedKey) {
            return false;
        }

        @Override
        public boolean isUnknown(Object stackOutputValue) {
            return false;
        }
    };
}
