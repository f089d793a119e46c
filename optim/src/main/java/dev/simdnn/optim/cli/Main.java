package dev.simdnn.optim.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Set;

/**
 * The command-line main job: {@code simdnn [COMMAND] [--flags]}. With no arguments it trains an MLP on the
 * bundled handwritten digits. Unknown commands, unknown flags and bad values print the usage to standard error and
 * exit with 2; a failed run (unreadable data, a diverged training) exits with 1.
 */
public final class Main {
    private Main() {}

    static final String USAGE = """
            usage: simdnn [COMMAND] [--flag value ...]
            commands:
              train        train an MLP classifier and report its test accuracy (the default)
              evaluate     accuracy and confusion matrix of a saved model
              predict      classes of feature rows with a saved model
              bench-quick  training samples/s and batch-1 latency of a 784-512-512-10 MLP (--threads, --seconds)
              self-check   the active SIMD path and every kernel family against its scalar twin
              help         this text
            """;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args.length == 0 || args[0].startsWith("--") ? "train" : args[0];
        int from = args.length == 0 || args[0].startsWith("--") ? 0 : 1;
        try {
            return switch (command) {
                case "train" -> TrainCommand.run(Flags.parse(args, from, TrainCommand.VALUED, TrainCommand.SWITCHES),
                        out);
                case "evaluate" -> ModelCommands.evaluate(args, out);
                case "predict" -> ModelCommands.predict(args, out);
                case "bench-quick" -> BenchQuick.run(Flags.parse(args, from, BenchQuick.VALUED, Set.of()), out);
                case "self-check" -> {
                    Flags.parse(args, from, Set.of(), Set.of());
                    yield SelfCheck.run();
                }
                case "help", "--help", "-h" -> {
                    out.print(USAGE + "\n" + TrainCommand.HELP + "\n" + ModelCommands.HELP);
                    yield 0;
                }
                default -> throw new UsageException("unknown command '" + command + "'");
            };
        } catch (UsageException e) {
            err.println("simdnn: " + e.getMessage());
            err.print(USAGE);
            err.println("run 'simdnn help' for every flag");
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("simdnn: " + command + " failed: " + e.getMessage());
            return 1;
        }
    }
}
