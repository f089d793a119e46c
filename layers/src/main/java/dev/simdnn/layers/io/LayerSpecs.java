package dev.simdnn.layers.io;

import dev.simdnn.core.Activation;
import dev.simdnn.layers.ActivationLayer;
import dev.simdnn.layers.BatchNormLayer;
import dev.simdnn.layers.Dense;
import dev.simdnn.layers.DropoutLayer;
import dev.simdnn.layers.Layer;
import dev.simdnn.layers.MaxoutLayer;
import dev.simdnn.layers.init.Initializer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rebuilds layers from the one-line descriptions they give ({@link Layer#kind()} and {@link Layer#spec()}), as
 * stored in the model file's architecture section: {@code dense in=784 out=512 bias=true activation=relu
 * alpha=NaN init=he_normal(fan_in)}. Every value a layer needs is in its line; a missing or unreadable one throws
 * {@link IllegalArgumentException} naming the key.
 */
public final class LayerSpecs {
    private LayerSpecs() {}

    /** {@code key=value} tokens of a spec, in order. */
    public static Map<String, String> parse(String spec) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String token : spec.trim().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            int eq = token.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + token + "' is not key=value");
            }
            map.put(token.substring(0, eq), token.substring(eq + 1));
        }
        return map;
    }

    /** The layer of {@code kind} with {@code spec}; {@code earlier} resolves a tied Dense layer by name. */
    public static Layer layer(String kind, Map<String, String> spec, List<Layer> earlier) {
        return switch (kind) {
            case "dense" -> {
                Activation a = activation(spec);
                float alpha = Float.parseFloat(get(spec, "alpha"));
                boolean bias = Boolean.parseBoolean(get(spec, "bias"));
                String tied = spec.get("tied");
                if (tied != null) {
                    // layers are named kind + position when the model is built: dense1 is the first layer
                    Layer encoder = null;
                    for (int i = 0; i < earlier.size(); i++) {
                        if (tied.equals(earlier.get(i).kind() + (i + 1))) {
                            encoder = earlier.get(i);
                        }
                    }
                    if (!(encoder instanceof Dense)) {
                        throw new IllegalArgumentException("tied layer '" + tied + "' is not an earlier Dense layer");
                    }
                    yield Dense.tiedTo((Dense) encoder, bias, a, alpha);
                }
                yield new Dense(integer(spec, "in"), integer(spec, "out"), bias, a, alpha,
                        Initializer.parse(get(spec, "init")));
            }
            case "activation" -> new ActivationLayer(integer(spec, "width"), activation(spec),
                    Float.parseFloat(get(spec, "alpha")));
            case "batchnorm" -> new BatchNormLayer(integer(spec, "width"), Float.parseFloat(get(spec, "eps")),
                    Float.parseFloat(get(spec, "momentum")), Boolean.parseBoolean(get(spec, "unbiased")));
            case "dropout" -> new DropoutLayer(integer(spec, "width"), 1 - (double) Float.parseFloat(get(spec, "keep")),
                    Long.parseLong(get(spec, "seed")));
            case "maxout" -> new MaxoutLayer(integer(spec, "units"), integer(spec, "k"));
            default -> throw new IllegalArgumentException("unknown layer kind '" + kind + "'");
        };
    }

    private static Activation activation(Map<String, String> spec) {
        return Activation.valueOf(get(spec, "activation").toUpperCase(Locale.ROOT));
    }

    private static String get(Map<String, String> spec, String key) {
        String v = spec.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing '" + key + "'");
        }
        return v;
    }

    private static int integer(Map<String, String> spec, String key) {
        return Integer.parseInt(get(spec, key));
    }
}
