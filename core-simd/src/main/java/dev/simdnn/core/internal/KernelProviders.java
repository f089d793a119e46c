package dev.simdnn.core.internal;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.simdnn.core.Backend;

import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the kernel provider once, at class initialisation (Lucene's {@code VectorizationProvider}
 * pattern). The Vector API provider is used when all of these hold, else the scalar twins with one
 * warning that says why and which flag would change it:
 * <ul>
 *   <li>{@code -Dsimdnn.backend} is not {@code scalar};</li>
 *   <li>{@code jdk.incubator.vector} is in the boot layer ({@code --add-modules jdk.incubator.vector});</li>
 *   <li>the JVM is HotSpot with C2 (not {@code -Xint}, not {@code -XX:TieredStopAtLevel<4}): Vector API code
 *       runs 25-30x slower than scalar code in the interpreter and C1;</li>
 *   <li>the Vector API provider's own checks pass (at least 128-bit vectors, a self-check).</li>
 * </ul>
 * {@code -Dsimdnn.requireBackend=panama|scalar} makes any other outcome an error.
 */
public final class KernelProviders {
    /** Preferred backend: {@code auto} (default), {@code panama} or {@code scalar}. */
    public static final String BACKEND_PROPERTY = "simdnn.backend";
    /** When set, initialisation fails unless this backend is the one chosen. */
    public static final String REQUIRE_PROPERTY = "simdnn.requireBackend";

    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String PANAMA_CLASS = "dev.simdnn.core.internal.PanamaKernelProvider";
    private static final System.Logger LOG = System.getLogger("dev.simdnn");

    private static final KernelProvider ACTIVE;
    private static final String FALLBACK_REASON;  // null when the Vector API provider is active
    /** A Vector API provider built on request while another is active (tests, benchmarks); one per JVM. */
    private static volatile KernelProvider requestedPanama;

    static {
        String requested = System.getProperty(BACKEND_PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        if (!requested.equals("auto") && !requested.equals("panama") && !requested.equals("scalar")) {
            throw new IllegalArgumentException("-D" + BACKEND_PROPERTY + "=" + requested
                    + " is not one of auto, panama, scalar");
        }
        KernelProvider chosen;
        String reason;
        if (requested.equals("scalar")) {
            chosen = ScalarKernelProvider.INSTANCE;
            reason = "-D" + BACKEND_PROPERTY + "=scalar";
            LOG.log(System.Logger.Level.INFO, "simdnn: scalar twins chosen by " + reason + " (remove it, with '--add-modules "
                    + VECTOR_MODULE + "', for the Vector API kernels)");
        } else {
            reason = panamaUnavailableReason().orElse(null);
            chosen = ScalarKernelProvider.INSTANCE;
            if (reason == null) {
                try {
                    chosen = instantiatePanama();
                } catch (UnsupportedOperationException refused) {
                    reason = refused.getMessage();
                }
            }
            if (reason != null) {
                LOG.log(System.Logger.Level.WARNING, "simdnn: Vector API kernels are off, using the scalar twins: "
                        + reason + ". For full speed run on a HotSpot JDK >= 25 with C2 and pass '--add-modules "
                        + VECTOR_MODULE + "'.");
            }
        }
        ACTIVE = chosen;
        FALLBACK_REASON = reason;
        String required = System.getProperty(REQUIRE_PROPERTY);
        if (required != null && !required.isBlank()
                && !required.trim().equalsIgnoreCase(ACTIVE.backend().name())) {
            throw new IllegalStateException("-D" + REQUIRE_PROPERTY + "=" + required + " but the active backend is "
                    + ACTIVE.backend() + (reason == null ? "" : " because " + reason));
        }
    }

    private KernelProviders() {}

    /** The provider the facades use. */
    public static KernelProvider active() {
        return ACTIVE;
    }

    /** Why the active provider is not the Vector API one, or empty if it is. */
    public static Optional<String> fallbackReason() {
        return Optional.ofNullable(FALLBACK_REASON);
    }

    /** The plain-Java twins, whatever is active (for tests and benchmarks). */
    public static KernelProvider scalar() {
        return ScalarKernelProvider.INSTANCE;
    }

    /**
     * A Vector API provider, whatever is active (for tests and benchmarks).
     *
     * @throws UnsupportedOperationException naming the reason when it cannot run in this JVM
     */
    public static KernelProvider panama() {
        Optional<String> unavailable = panamaUnavailableReason();
        if (unavailable.isPresent()) {
            throw new UnsupportedOperationException(unavailable.get());
        }
        if (ACTIVE.backend() == Backend.PANAMA) {
            return ACTIVE;
        }
        KernelProvider provider = requestedPanama;
        if (provider == null) {
            synchronized (KernelProviders.class) {
                provider = requestedPanama;
                if (provider == null) {
                    provider = requestedPanama = instantiatePanama();
                }
            }
        }
        return provider;
    }

    /** True when {@link #panama()} would succeed. */
    public static boolean panamaAvailable() {
        try {
            panama();
            return true;
        } catch (UnsupportedOperationException unavailable) {
            return false;
        }
    }

    /** The environmental reason the Vector API kernels cannot run here (module absent, no C2), if any. */
    static Optional<String> panamaUnavailableReason() {
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            return Optional.of("module " + VECTOR_MODULE + " is not in the boot layer (missing '--add-modules "
                    + VECTOR_MODULE + "')");
        }
        return compilerProblem();
    }

    /** Vector API code is only fast once C2 compiles it; say why this JVM never will, if it will not. */
    private static Optional<String> compilerProblem() {
        String vmName = System.getProperty("java.vm.name", "");
        String vmInfo = System.getProperty("java.vm.info", "");
        if (vmName.contains("OpenJ9")) {
            return Optional.of("the JVM is OpenJ9 (" + vmName + "), which does not intrinsify the Vector API");
        }
        if (vmInfo.contains("interpreted mode")) {
            return Optional.of("the JVM runs interpreted only (-Xint)");
        }
        if (vmInfo.contains("emulated-client")) {
            return Optional.of("the JVM is a client (C1-only) VM: " + vmInfo);
        }
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (hotspot != null && Boolean.parseBoolean(hotspot.getVMOption("TieredCompilation").getValue())) {
                int stopAt = Integer.parseInt(hotspot.getVMOption("TieredStopAtLevel").getValue());
                if (stopAt < 4) {
                    return Optional.of("C2 is off (-XX:TieredStopAtLevel=" + stopAt + ")");
                }
            }
        } catch (RuntimeException | LinkageError notHotSpot) {
            // No HotSpot diagnostics (another VM, or jdk.management absent): nothing more we can tell.
        }
        return Optional.empty();
    }

    /** Loads the Vector API provider by name, so that none of its classes is touched unless we get here. */
    private static KernelProvider instantiatePanama() {
        try {
            return (KernelProvider) Class.forName(PANAMA_CLASS).getDeclaredConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new UnsupportedOperationException("the Vector API provider refused this JVM: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new UnsupportedOperationException("the Vector API provider could not be loaded: " + e, e);
        }
    }
}
