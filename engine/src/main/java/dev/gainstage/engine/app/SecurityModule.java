package dev.gainstage.engine.app;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.gainstage.engine.transport.TokenCheck;
import io.grpc.ServerInterceptor;

/**
 * Adds the token check to the server's interceptors when the sidecar has a token. Installed before
 * any other contributor, so the check is the first to see every call (interceptors apply in binding
 * order). TLS needs the key files, so the server factory reads them when the server starts.
 */
final class SecurityModule extends AbstractModule {
    private final SidecarSecurity security;

    SecurityModule(SidecarSecurity security) {
        this.security = security;
    }

    @Override
    protected void configure() {
        Multibinder<ServerInterceptor> interceptors = Multibinder.newSetBinder(binder(), ServerInterceptor.class);
        security.token().ifPresent(token -> interceptors.addBinding().toInstance(new TokenCheck(token)));
    }
}
