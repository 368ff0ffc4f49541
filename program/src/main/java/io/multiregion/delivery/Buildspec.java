package io.multiregion.delivery;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CodeBuild buildspec that tests the application and packages the source as one zip, rendered
 * with a YAML library (never concatenated). CodeBuild zips the artifact files into the pipeline's
 * output artifact; the pipeline publishes that zip unchanged.
 */
public final class Buildspec {
    private Buildspec() {
    }

    /** Paths never shipped in a release. */
    public static final List<String> EXCLUDED = List.of(".git/**/*", ".github/**/*");

    public static String render(List<String> testCommands) {
        Map<String, Object> build = new LinkedHashMap<>();
        build.put("commands", List.copyOf(testCommands));
        Map<String, Object> phases = new LinkedHashMap<>();
        phases.put("build", build);
        Map<String, Object> artifacts = new LinkedHashMap<>();
        artifacts.put("files", List.of("**/*"));
        artifacts.put("exclude-paths", EXCLUDED);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("version", "0.2");
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("shell", "bash");
        spec.put("env", env);
        spec.put("phases", phases);
        spec.put("artifacts", artifacts);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        return new Yaml(options).dump(spec);
    }
}
