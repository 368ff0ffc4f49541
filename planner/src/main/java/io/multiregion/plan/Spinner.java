package io.multiregion.plan;

import java.io.PrintWriter;

/**
 * Progress on stderr while the program runs: on a terminal a line that counts registered resources, updated in place;
 * elsewhere (CI logs, pipes) nothing beyond the phase messages.
 */
final class Spinner implements Planner.Progress, AutoCloseable {
    private static final String FRAMES = "|/-\\";
    private final PrintWriter err;
    private final Thread thread;
    private volatile int count = -1;
    private volatile boolean running = true;

    private Spinner(PrintWriter err, boolean animate) {
        this.err = err;
        this.thread = animate ? new Thread(this::spin, "plan-progress") : null;
        if (thread != null) {
            thread.setDaemon(true);
            thread.start();
        }
    }

    static Spinner start(PrintWriter err) {
        return new Spinner(err, System.console() != null);
    }

    @Override
    public void registered(int registered) {
        count = registered;
    }

    private void spin() {
        int frame = 0;
        while (running) {
            String what = count < 0 ? "starting the program" : "running the program: " + count + " registered";
            err.print("\rplan: " + FRAMES.charAt(frame++ % FRAMES.length()) + " " + what + "   ");
            err.flush();
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            err.print("\r" + " ".repeat(40) + "\r");
            err.flush();
        }
    }
}
