package dev.simdnn.optim.cli;

import dev.simdnn.optim.train.EpochResult;
import dev.simdnn.optim.train.TrainingListener;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Training progress: on a terminal a bar redrawn in place during each epoch and one line per finished epoch; when
 * the output is not a terminal (a pipe, a CI log) only the per-epoch lines, so logs stay readable.
 */
final class ProgressDisplay implements TrainingListener {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean terminal;
    private final int epochs;
    private int drawn = -1;

    ProgressDisplay(PrintStream out, boolean terminal, int epochs) {
        this.out = out;
        this.terminal = terminal;
        this.epochs = epochs;
    }

    /** True when standard output is an interactive terminal. */
    static boolean stdoutIsTerminal() {
        java.io.Console c = System.console();
        return c != null && c.isTerminal();
    }

    @Override
    public void batchEnd(int epoch, int batch, int batches, double loss) {
        if (!terminal) {
            return;
        }
        int filled = (batch + 1) * WIDTH / batches;
        if (filled == drawn && batch + 1 < batches) {
            return;                                   // redraw only when the bar grows
        }
        drawn = filled;
        out.printf(Locale.ROOT, "\repoch %3d/%d [%s%s] %3d%%  loss %.4f", epoch, epochs, "#".repeat(filled),
                "-".repeat(WIDTH - filled), (batch + 1) * 100 / batches, loss);
        out.flush();
    }

    @Override
    public void epochEnd(EpochResult r) {
        drawn = -1;
        String validation = Double.isNaN(r.validationLoss()) ? ""
                : String.format(Locale.ROOT, "  val loss %.4f  val acc %6.2f%%", r.validationLoss(),
                        100 * r.validationAccuracy());
        out.printf(Locale.ROOT, "%sepoch %3d/%d  loss %.4f  acc %6.2f%%%s  lr %.3g  %.0f samples/s%s%n",
                terminal ? "\r" : "", r.epoch(), epochs, r.trainLoss(), 100 * r.trainAccuracy(), validation,
                r.learningRate(), r.samplesPerSecond(), terminal ? " ".repeat(8) : "");
    }
}
