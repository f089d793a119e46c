package dev.simdnn.optim;

import java.util.List;

/**
 * AdamW, PyTorch's {@code torch.optim.AdamW}: {@link Adam} with decoupled weight decay θ ← θ − γλθ before the Adam
 * step (instead of adding λθ to the gradient). Defaults as Adam, with weight decay {@value #DEFAULT_WEIGHT_DECAY}
 * (set it per {@link ParamGroup}; biases and batch-norm γ/β usually get 0).
 */
public final class AdamW extends Adam {
    public static final double DEFAULT_WEIGHT_DECAY = 0.01;

    public AdamW(float[] params, float[] grads, List<ParamGroup> groups, double beta1, double beta2, double eps,
                 boolean amsgrad) {
        super(params, grads, groups, beta1, beta2, eps, amsgrad, true, false, true);
    }
}
