package dev.simdnn.optim.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void badCommandLinesPrintUsageAndExitWith2() {
        String[][] cases = {
                {"frobnicate"}, {"--bogus"}, {"train", "--lr", "abc"}, {"train", "--epochs", "0"},
                {"train", "--optimizer", "lbfgs"}, {"train", "--schedule", "step:x"}, {"train", "--epochs"},
                {"train", "--activation", "swish"}, {"train", "--data", "imagenet"}, {"train", "--dropout", "1.5"},
                {"train", "--early-stop", "3"}, {"evaluate"}, {"train", "--quiet=yes"}};
        String[] messages = {"unknown command 'frobnicate'", "unknown flag --bogus", "--lr must be a number, got 'abc'",
                "--epochs must be >= 1, got 0", "unknown optimizer 'lbfgs'", "--schedule 'step:x'", "--epochs needs a value",
                "unknown activation 'swish'", "--data must be digits, fashion-mnist or csv:PATH", "--dropout must be in [0, 1)",
                "--early-stop needs --validation", "--model FILE is required", "--quiet takes no value"};
        for (int i = 0; i < cases.length; i++) {
            Run r = run(cases[i]);
            assertEquals(2, r.code(), String.join(" ", cases[i]));
            assertTrue(r.err().contains(messages[i]), String.join(" ", cases[i]) + " -> " + r.err());
            assertTrue(r.err().contains("usage: simdnn"), r.err());
        }
    }

    @Test
    void unreadableDataFailsWith1AndSaysWhy() {
        Run r = run("train", "--data", "csv:" + dir.resolve("missing.csv"));
        assertEquals(1, r.code());
        assertTrue(r.err().contains("train failed") && r.err().contains("missing.csv"), r.err());
    }

    @Test
    void trainEvaluateAndPredictRoundTrip() throws Exception {
        Path model = dir.resolve("m.simdnn"), log = dir.resolve("log.csv"), chart = dir.resolve("chart.svg");
        Run train = run("train", "--epochs", "5", "--hidden", "32", "--quiet", "--out", model.toString(), "--log",
                log.toString(), "--chart", chart.toString(), "--threads", "2");
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("== digits: test accuracy"), train.out());
        assertEquals(6, Files.readAllLines(log).size(), "header + 5 epochs");
        assertTrue(Files.readString(chart).startsWith("<svg"));
        Run evaluate = run("evaluate", "--model", model.toString());
        assertEquals(0, evaluate.code(), evaluate.err());
        String accuracy = train.out().replaceAll("(?s).*test accuracy ([0-9.]+%).*", "$1");
        assertTrue(evaluate.out().contains("accuracy " + accuracy), accuracy + " vs " + evaluate.out());
        Path input = dir.resolve("rows.csv");
        Files.writeString(input, "0,0,5,13,9,1,0,0,0,0,13,15,10,15,5,0,0,3,15,2,0,11,8,0,0,4,12,0,0,8,8,0,0,5,8,0,0,9,8,"
                + "0,0,4,11,0,1,12,7,0,0,2,14,5,10,12,0,0,0,0,6,13,10,0,0,0\n1,2,3\n");
        Run predict = run("predict", "--model", model.toString(), "--input", input.toString());
        assertEquals(1, predict.code());
        assertTrue(predict.out().startsWith("0,0,"), predict.out());
        assertTrue(predict.err().contains("rows.csv:2: 3 values, the model expects 64 features"), predict.err());
    }
}
