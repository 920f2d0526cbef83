package dev.gainstage.engine.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.util.Modules;
import dev.gainstage.engine.rules.RuleConfig;
import dev.gainstage.engine.session.SessionRegistry;
import dev.gainstage.engine.store.DecisionStore;
import dev.gainstage.engine.transport.TokenCheck;
import dev.gainstage.proto.v1.DescribeRequest;
import dev.gainstage.proto.v1.PanelServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sidecar's modules: side-effect free, one binding swapped per concern, the token check first in line. */
class SidecarModuleTest {
    private static final String TOKEN = "s3cret-token-0123456789";

    @TempDir
    Path dir;

    @Test
    void buildingTheSidecarTouchesNoFile() {
        Path store = dir.resolve("store");
        Guice.createInjector(new SidecarModule(SidecarConfig.loopback(0, store), RuleConfig.defaults()))
                .getInstance(SidecarServer.class);
        assertFalse(Files.exists(store));
    }

    @Test
    void theFakeClockModuleSwapsTheClockTheStoreStampsWith() throws Exception {
        Path store = dir.resolve("store");
        Files.createDirectories(store);
        Files.writeString(new DecisionStore(store, java.time.Clock.systemUTC()).fileFor("s"), "not decisions");
        Injector injector = Guice.createInjector(
                Modules.override(new SidecarModule(SidecarConfig.loopback(0, store), RuleConfig.defaults()))
                        .with(new FakeClockModule(Instant.parse("2031-02-03T04:05:06Z"))));

        injector.getInstance(SessionRegistry.class).open("s");

        try (var files = Files.list(store)) {
            assertTrue(
                    files.anyMatch(f -> f.getFileName().toString().endsWith(".corrupt-20310203T040506Z")),
                    "the unreadable file is set aside under the fake clock's time");
        }
    }

    @Test
    void theTokenCheckJoinsTheInterceptorsOnlyWithAToken() throws Exception {
        assertEquals(Set.of(), interceptors(SidecarSecurity.NONE));
        Set<ServerInterceptor> withToken = interceptors(security());
        assertEquals(1, withToken.size());
        assertTrue(withToken.iterator().next() instanceof TokenCheck);
    }

    @Test
    void theTokenCheckSeesEveryCallBeforeTheOtherInterceptors() throws Exception {
        AtomicInteger reached = new AtomicInteger();
        String name = "sidecar-" + UUID.randomUUID();
        SidecarServer server = Guice.createInjector(Modules.override(Modules.combine(
                                new SidecarModule(config(security()), RuleConfig.defaults()), new AbstractModule() {
                                    @Override
                                    protected void configure() {
                                        Multibinder.newSetBinder(binder(), ServerInterceptor.class)
                                                .addBinding()
                                                .toInstance(new Counting(reached));
                                    }
                                }))
                        .with(new InProcessServerModule(name)))
                .getInstance(SidecarServer.class);
        server.start();
        ManagedChannel channel =
                InProcessChannelBuilder.forName(name).directExecutor().build();
        try {
            StatusRuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    StatusRuntimeException.class,
                    () -> PanelServiceGrpc.newBlockingStub(channel).describe(DescribeRequest.getDefaultInstance()));
            assertEquals(Status.Code.UNAUTHENTICATED, refused.getStatus().getCode());
            assertEquals(0, reached.get(), "a call without the token stops at the token check");

            Metadata bearer = new Metadata();
            bearer.put(TokenCheck.AUTHORIZATION, "Bearer " + TOKEN);
            PanelServiceGrpc.newBlockingStub(channel)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(bearer))
                    .describe(DescribeRequest.getDefaultInstance());
            assertEquals(1, reached.get());
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            server.stop();
        }
    }

    private SidecarSecurity security() {
        return new SidecarSecurity(Optional.empty(), Optional.empty(), Optional.of(TOKEN));
    }

    private SidecarConfig config(SidecarSecurity security) {
        return new SidecarConfig(SidecarConfig.DEFAULT_BIND, 0, Optional.empty(), dir.resolve("store"), security, 0);
    }

    private Set<ServerInterceptor> interceptors(SidecarSecurity security) {
        return Guice.createInjector(new SidecarModule(config(security), RuleConfig.defaults()))
                .getInstance(Key.get(new TypeLiteral<Set<ServerInterceptor>>() {}));
    }

    /** Counts the calls that reach it. */
    private record Counting(AtomicInteger reached) implements ServerInterceptor {
        @Override
        public <Q, A> ServerCall.Listener<Q> interceptCall(
                ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
            reached.incrementAndGet();
            return next.startCall(call, headers);
        }
    }
}
