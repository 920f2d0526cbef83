package dev.gainstage.adapter.ardour;

import dev.gainstage.engine.graph.GraphException;
import dev.gainstage.engine.graph.GraphMirror;
import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.transport.protos.GraphProtos;
import dev.gainstage.proto.v1.SessionDelta;
import java.util.List;

/**
 * Test bridge into the sidecar's own graph mirror (its proto conversion is package-private): lets the
 * adapter's tests replay their deltas through exactly what the sidecar runs.
 */
public final class MirrorReplay {
    private MirrorReplay() {}

    /** The sidecar's view of a snapshot. */
    public static List<Strip> mirrorOf(List<dev.gainstage.proto.v1.Strip> snapshot) throws GraphException {
        GraphMirror mirror = new GraphMirror();
        mirror.replace(1, GraphProtos.strips(snapshot, "strips"));
        return List.copyOf(mirror.graph().strips());
    }

    /** The sidecar's view after a snapshot at sequence 1 and the deltas (sequences 2, 3, ...). */
    public static List<Strip> replay(List<dev.gainstage.proto.v1.Strip> snapshot, List<SessionDelta> deltas)
            throws GraphException {
        GraphMirror mirror = new GraphMirror();
        mirror.replace(1, GraphProtos.strips(snapshot, "strips"));
        for (SessionDelta d : deltas) {
            mirror.apply(d.getSequence(), GraphProtos.change(d));
        }
        return List.copyOf(mirror.graph().strips());
    }
}
