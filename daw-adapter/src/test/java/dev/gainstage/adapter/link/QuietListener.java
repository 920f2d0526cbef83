package dev.gainstage.adapter.link;

import dev.gainstage.proto.v1.FixRequest;
import dev.gainstage.proto.v1.ProtocolError;
import io.grpc.Status;

/** A link listener that ignores what the sidecar says, for tests of the sending side. */
public final class QuietListener implements SidecarLink.Listener {
    @Override
    public void onConnected(SidecarLink link) {}

    @Override
    public void onTaps(TapTable taps) {}

    @Override
    public void onFix(FixRequest fix) {}

    @Override
    public void onError(ProtocolError error) {}

    @Override
    public void onDisconnected(Status status) {}
}
