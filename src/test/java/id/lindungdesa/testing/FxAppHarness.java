package id.lindungdesa.testing;

import id.lindungdesa.persistence.Database;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.ui.DesktopApp;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real desktop window on a real H2 file with a fixed clock, and waits for background work. */
public final class FxAppHarness {
    private FxAppHarness() {}

    public static DesktopApp start(Path db, LocalDate today) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
        DesktopApp.Config cfg = new DesktopApp.Config(db,
                p -> new Services(Database.open(p, Database.Options.of("desktop")), TestDb.clockAt(today)));
        return (DesktopApp) FxToolkit.setupApplication(() -> new DesktopApp(cfg));
    }

    public static void stop(DesktopApp app) throws TimeoutException {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    /**
     * Waits (up to 20 s) until {@code condition} holds, checking on the FX thread. On time-out it fails with a
     * message naming the waiting line of the test (not a bare {@link TimeoutException}).
     */
    public static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        StackTraceElement caller = StackWalker.getInstance().walk(f -> f
                .filter(x -> !x.getClassName().equals(FxAppHarness.class.getName())).findFirst()
                .map(StackWalker.StackFrame::toStackTraceElement).orElse(null));
        waitUntil("the condition at " + caller, condition);
    }

    /** As {@link #waitUntil(BooleanSupplier)}, failing with "Timed out after 20 s waiting for {@code what}". */
    public static void waitUntil(String what, BooleanSupplier condition) throws TimeoutException {
        java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
                java.util.concurrent.atomic.AtomicBoolean ok = new java.util.concurrent.atomic.AtomicBoolean();
                WaitForAsyncUtils.asyncFx(() -> {
                    try {
                        ok.set(condition.getAsBoolean());
                    } catch (RuntimeException | Error e) {
                        failed.set(e);
                    }
                }).get();
                return ok.get();
            });
        } catch (TimeoutException e) {
            AssertionError a = new AssertionError("Timed out after 20 s waiting for " + what
                    + (failed.get() == null ? "" : "; the last check threw " + failed.get()), e);
            throw a;
        }
    }
}
