package dev.simdnn.optim;

import dev.simdnn.layers.ParameterTensor;
import dev.simdnn.layers.Sequential;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Optimizers by name for a model (the command line and hyper-parameter searches): two parameter groups, the
 * weights with the weight decay and the biases and batch-norm γ/β without (as usual in PyTorch practice), both at
 * the same learning rate. Hyper-parameters not given take each optimizer's documented defaults.
 *
 * <table>
 *   <caption>Names and the hyper-parameters they read</caption>
 *   <tr><th>name</th><th>class</th><th>keys (besides lr, weight_decay)</th></tr>
 *   <tr><td>sgd</td><td>{@link Sgd}</td><td>momentum, dampening, nesterov (0/1)</td></tr>
 *   <tr><td>momentum, nesterov</td><td>{@link Momentum} (seeds' form; nesterov reparametrised)</td><td>momentum</td></tr>
 *   <tr><td>adam, amsgrad, adamw</td><td>{@link Adam}, {@link AdamW}</td><td>beta1, beta2, eps</td></tr>
 *   <tr><td>rmsprop</td><td>{@link RmsProp}</td><td>alpha, eps, momentum, centered (0/1)</td></tr>
 *   <tr><td>adagrad</td><td>{@link AdaGrad}</td><td>lr_decay, eps</td></tr>
 *   <tr><td>adadelta</td><td>{@link AdaDelta}</td><td>rho, eps</td></tr>
 *   <tr><td>adamax, nadam</td><td>{@link AdaMax}, {@link NAdam}</td><td>beta1, beta2, eps</td></tr>
 *   <tr><td>rprop</td><td>{@link Rprop}</td><td>eta_minus, eta_plus</td></tr>
 * </table>
 */
public final class Optimizers {
    /** Every name {@link #create} knows. */
    public static final List<String> NAMES = List.of("sgd", "momentum", "nesterov", "adam", "amsgrad", "adamw",
            "rmsprop", "adagrad", "adadelta", "adamax", "nadam", "rprop");

    private static final Set<String> COMMON = Set.of("lr", "weight_decay");

    private Optimizers() {}

    /** The default learning rate of {@code name} (PyTorch's, or the seeds' where PyTorch has none). */
    public static double defaultLr(String name) {
        return switch (key(name)) {
            case "sgd", "momentum", "nesterov" -> 0.01;
            case "adam", "amsgrad", "adamw" -> Adam.DEFAULT_LR;
            case "rmsprop" -> RmsProp.DEFAULT_LR;
            case "adagrad" -> AdaGrad.DEFAULT_LR;
            case "adadelta" -> AdaDelta.DEFAULT_LR;
            case "adamax" -> AdaMax.DEFAULT_LR;
            case "nadam" -> NAdam.DEFAULT_LR;
            case "rprop" -> Rprop.DEFAULT_LR;
            default -> throw unknown(name);
        };
    }

    /** An optimizer {@code name} over {@code model}'s buffers with {@code hyper} (unknown keys are rejected). */
    public static Optimizer create(String name, Sequential model, Map<String, Double> hyper) {
        String n = key(name);
        double lr = hyper.getOrDefault("lr", defaultLr(n));
        double decay = hyper.getOrDefault("weight_decay", n.equals("adamw") ? AdamW.DEFAULT_WEIGHT_DECAY : 0.0);
        List<ParamGroup> groups = groups(model, lr, decay);
        float[] p = model.parameters(), g = model.gradients();
        Set<String> allowed = switch (n) {
            case "sgd" -> Set.of("momentum", "dampening", "nesterov");
            case "momentum", "nesterov" -> Set.of("momentum");
            case "adam", "amsgrad", "adamw", "adamax", "nadam" -> Set.of("beta1", "beta2", "eps");
            case "rmsprop" -> Set.of("alpha", "eps", "momentum", "centered");
            case "adagrad" -> Set.of("lr_decay", "eps");
            case "adadelta" -> Set.of("rho", "eps");
            case "rprop" -> Set.of("eta_minus", "eta_plus");
            default -> throw unknown(name);
        };
        for (String k : hyper.keySet()) {
            if (!COMMON.contains(k) && !allowed.contains(k)) {
                throw new IllegalArgumentException("optimizer " + n + " has no hyper-parameter '" + k + "'; it takes "
                        + "lr, weight_decay" + (allowed.isEmpty() ? "" : ", " + String.join(", ", allowed.stream()
                        .sorted().toList())));
            }
        }
        double beta1 = hyper.getOrDefault("beta1", Adam.DEFAULT_BETA1), beta2 = hyper.getOrDefault("beta2",
                Adam.DEFAULT_BETA2);
        return switch (n) {
            case "sgd" -> new Sgd(p, g, groups, hyper.getOrDefault("momentum", Sgd.DEFAULT_MOMENTUM),
                    hyper.getOrDefault("dampening", Sgd.DEFAULT_DAMPENING), hyper.getOrDefault("nesterov", 0.0) != 0);
            case "momentum" -> new Momentum(p, g, groups, hyper.getOrDefault("momentum", Momentum.DEFAULT_ALPHA),
                    Momentum.Nesterov.NONE);
            case "nesterov" -> new Momentum(p, g, groups, hyper.getOrDefault("momentum", Momentum.DEFAULT_ALPHA),
                    Momentum.Nesterov.REPARAMETRISED);
            case "adam", "amsgrad" -> new Adam(p, g, groups, beta1, beta2, hyper.getOrDefault("eps", Adam.DEFAULT_EPS),
                    n.equals("amsgrad"), true, false);
            case "adamw" -> new AdamW(p, g, groups, beta1, beta2, hyper.getOrDefault("eps", Adam.DEFAULT_EPS), false);
            case "rmsprop" -> new RmsProp(p, g, groups, hyper.getOrDefault("alpha", RmsProp.DEFAULT_ALPHA),
                    hyper.getOrDefault("eps", RmsProp.DEFAULT_EPS), hyper.getOrDefault("momentum", 0.0),
                    hyper.getOrDefault("centered", 0.0) != 0, false);
            case "adagrad" -> new AdaGrad(p, g, groups, hyper.getOrDefault("lr_decay", AdaGrad.DEFAULT_LR_DECAY),
                    hyper.getOrDefault("eps", AdaGrad.DEFAULT_EPS), AdaGrad.DEFAULT_INITIAL_ACCUMULATOR, false);
            case "adadelta" -> new AdaDelta(p, g, groups, hyper.getOrDefault("rho", AdaDelta.DEFAULT_RHO),
                    hyper.getOrDefault("eps", AdaDelta.DEFAULT_EPS));
            case "adamax" -> new AdaMax(p, g, groups, beta1, beta2, hyper.getOrDefault("eps", AdaMax.DEFAULT_EPS));
            case "nadam" -> new NAdam(p, g, groups, beta1, beta2, hyper.getOrDefault("eps", NAdam.DEFAULT_EPS),
                    NAdam.DEFAULT_MOMENTUM_DECAY);
            case "rprop" -> new Rprop(p, g, groups, hyper.getOrDefault("eta_minus", Rprop.DEFAULT_ETA_MINUS),
                    hyper.getOrDefault("eta_plus", Rprop.DEFAULT_ETA_PLUS), Rprop.DEFAULT_STEP_MIN,
                    Rprop.DEFAULT_STEP_MAX, false);
            default -> throw unknown(name);
        };
    }

    /** Weights (decayed) and everything else (not decayed), each a group of the model's tensor ranges. */
    public static List<ParamGroup> groups(Sequential model, double lr, double weightDecay) {
        List<Integer> decayed = new ArrayList<>(), plain = new ArrayList<>();
        for (ParameterTensor t : model.parameterTensors()) {
            List<Integer> into = t.role().decays() ? decayed : plain;
            into.add(t.offset());
            into.add(t.length());
        }
        List<ParamGroup> groups = new ArrayList<>();
        if (!decayed.isEmpty()) {
            groups.add(ParamGroup.of(lr, weightDecay, decayed.stream().mapToInt(Integer::intValue).toArray()));
        }
        if (!plain.isEmpty()) {
            groups.add(ParamGroup.of(lr, 0, plain.stream().mapToInt(Integer::intValue).toArray()));
        }
        return groups;
    }

    /** Sets every group's learning rate. */
    public static void setLr(Optimizer optimizer, double lr) {
        for (ParamGroup g : optimizer.groups()) {
            g.setLr(lr);
        }
    }

    private static String key(String name) {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown optimizer '" + name + "'; known: " + String.join(", ", NAMES));
    }
}
