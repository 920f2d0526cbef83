package dev.gainstage.panel;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import dev.gainstage.client.SidecarAddress;

/** Wires the panel. Values only: the stream is opened by {@link PanelController#start()} after injection. */
public final class PanelModule extends AbstractModule {
    private final SidecarAddress address;

    public PanelModule(SidecarAddress address) {
        this.address = address;
    }

    @Override
    protected void configure() {
        bind(SidecarAddress.class).toInstance(address);
        bind(PanelModel.class).in(Singleton.class);
        bind(PanelController.class).in(Singleton.class);
    }
}
