package dev.gainstage.engine.app;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import dev.gainstage.engine.rules.RuleConfig;
import io.grpc.inprocess.InProcessServerBuilder;
import java.nio.file.Path;

/**
 * Tests only: serves the sidecar in-process under a name instead of on a socket, handling calls on
 * the caller's thread (direct executor), so a test's client and the sidecar interleave the same way
 * every run. Replaces {@link TransportModule}'s {@link ServerFactory} via {@code Modules.override}.
 */
public final class InProcessServerModule extends AbstractModule {
    private final String name;

    public InProcessServerModule(String name) {
        this.name = name;
    }

    /** The injector of a sidecar with these thresholds, served in-process under {@code name}. */
    public static Injector sidecar(String name, Path store, RuleConfig rules) {
        return Guice.createInjector(Modules.override(new SidecarModule(SidecarConfig.loopback(0, store), rules))
                .with(new InProcessServerModule(name)));
    }

    @Override
    protected void configure() {
        bind(ServerFactory.class).toInstance(services -> {
            InProcessServerBuilder builder =
                    InProcessServerBuilder.forName(name).directExecutor();
            services.forEach(builder::addService);
            return builder.build().start();
        });
    }
}
