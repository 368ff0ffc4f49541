package io.multiregion.plan;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.ToNumberPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads and writes the machine-readable plan ({@code plan/<stack>.json}). */
public final class PlanJson {
    private static final Gson GSON = new GsonBuilder()
            .setPrettyPrinting()
            .disableHtmlEscaping()
            .serializeNulls()
            .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
            .create();

    private PlanJson() {
    }

    public static String toJson(Plan plan) {
        return GSON.toJson(plan);
    }

    public static Plan fromJson(String json) {
        Plan plan = GSON.fromJson(json, Plan.class);
        if (plan == null || plan.resources() == null) {
            throw new JsonParseException("not a plan: no 'resources'");
        }
        return plan;
    }

    public static void write(Plan plan, Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Files.writeString(file, toJson(plan) + "\n");
        } catch (IOException e) {
            throw new PlanException(PlanException.BAD_INPUT, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String firstLine(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.replaceAll("^([a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_]*: ", "");
    }

    public static Plan read(Path file) {
        try {
            return fromJson(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new PlanException(PlanException.BAD_INPUT, "no plan file " + file
                    + ": write one with the plan command first");
        } catch (IOException e) {
            throw new PlanException(PlanException.BAD_INPUT, "cannot read " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // JsonParseException for text that is not JSON; others when the JSON is not a plan (a record refusing
            // a missing field, a list where an object belongs)
            throw new PlanException(PlanException.BAD_INPUT, "malformed plan file " + file + ": it is not a plan"
                    + " written by `bin/plan STACK` (" + firstLine(e) + "); plan the stack again to rewrite it", e);
        }
    }
}
