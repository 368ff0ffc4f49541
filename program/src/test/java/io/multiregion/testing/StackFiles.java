package io.multiregion.testing;

import io.multiregion.offline.ConfigLoader;

import java.nio.file.Path;
import java.util.Map;

/**
 * The configuration the Pulumi CLI would hand the program for a stack, read by the project's own loader
 * ({@link ConfigLoader}): the project's declared defaults from {@code Pulumi.yaml}, overridden by
 * {@code Pulumi.<stack>.yaml}, structured values as JSON text.
 */
public final class StackFiles {
    private StackFiles() {
    }

    public static final Path ROOT = Path.of(System.getProperty("user.dir"));

    public static Map<String, String> config(String stack) {
        return ConfigLoader.read(ROOT, stack).config().values();
    }
}
