package dev.gainstage.adapter.sim;

import dev.gainstage.adapter.sim.dsp.GainParam;
import dev.gainstage.adapter.sim.dsp.Generators;
import dev.gainstage.adapter.sim.dsp.RampedGain;
import dev.gainstage.adapter.sim.dsp.SignalSource;
import dev.gainstage.proto.v1.SimBus;
import dev.gainstage.proto.v1.SimProcessor;
import dev.gainstage.proto.v1.SimSend;
import dev.gainstage.proto.v1.SimSource;
import dev.gainstage.proto.v1.SimTrack;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.StripKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns a validated session into strips with all their buffers allocated, following the stage-id
 * conventions the sidecar's rules rely on: {@code <strip>/source}, {@code /trim}, one stage per
 * plugin {@code /<plugin id>}, pre-fader sends, {@code /fader}, post-fader sends
 * {@code /send-<id>}, {@code /output}.
 */
final class ChainBuilder {
    private final ResolvedSession session;
    private final Path baseDir;
    private final Map<String, MixBus> mixBuses = new LinkedHashMap<>();
    /** Stage id → the gain a relative change adjusts; stages without a gain are absent. */
    private final Map<String, GainTarget> gainTargets = new HashMap<>();

    private final Set<String> stageIds = new HashSet<>();
    /** Plugin stage id → its active switch. */
    private final Map<String, AtomicBoolean> pluginSwitches = new HashMap<>();

    record Graph(
            List<StripChain> renderOrder,
            List<StripChain> snapshotOrder,
            List<MixBus> mixBuses,
            Map<String, GainTarget> gainTargets,
            Set<String> stageIds,
            Map<String, AtomicBoolean> pluginSwitches) {}

    private ChainBuilder(ResolvedSession session, Path baseDir) {
        this.session = session;
        this.baseDir = baseDir;
    }

    static Graph build(ResolvedSession session, Path baseDir) throws SimSessionException {
        return new ChainBuilder(session, baseDir).build();
    }

    private Graph build() throws SimSessionException {
        for (SimBus bus : session.busesDeclared()) {
            mixBuses.put(bus.getId(), new MixBus(bus.getId(), bus.getChannels(), session.blockFrames()));
        }
        SimBus master = session.master();
        mixBuses.put(master.getId(), new MixBus(master.getId(), master.getChannels(), session.blockFrames()));

        List<StripChain> tracks = new ArrayList<>();
        for (SimTrack track : session.tracks()) {
            tracks.add(track(track));
        }
        Map<String, StripChain> buses = new HashMap<>();
        for (SimBus bus : session.busesDeclared()) {
            buses.put(bus.getId(), bus(bus, StripKind.STRIP_KIND_BUS, "Bus input"));
        }
        StripChain masterStrip = bus(master, StripKind.STRIP_KIND_MASTER, "Master input");

        List<StripChain> renderOrder = new ArrayList<>(tracks);
        session.busesInOrder().forEach(b -> renderOrder.add(buses.get(b.getId())));
        renderOrder.add(masterStrip);
        List<StripChain> snapshotOrder = new ArrayList<>(tracks);
        session.busesDeclared().forEach(b -> snapshotOrder.add(buses.get(b.getId())));
        snapshotOrder.add(masterStrip);
        return new Graph(
                List.copyOf(renderOrder),
                List.copyOf(snapshotOrder),
                List.copyOf(mixBuses.values()),
                Map.copyOf(gainTargets),
                Set.copyOf(stageIds),
                Map.copyOf(pluginSwitches));
    }

    private StripChain track(SimTrack track) throws SimSessionException {
        String id = track.getId();
        int channels = track.getChannels();
        List<ChainStage> stages = new ArrayList<>();
        stages.add(new SourceStage(id + "/source", "Source", channels, source(track)));
        GainStage trim = gainStage(id, "trim", StageKind.STAGE_KIND_TRIM, "Trim", channels, track.getTrimDb());
        stages.add(trim);
        plugins(id, channels, track.getPluginsList(), stages);
        for (SimSend send : track.getSendsList()) {
            if (send.getPreFader()) {
                stages.add(send(id, channels, send));
            }
        }
        stages.add(gainStage(id, "fader", StageKind.STAGE_KIND_FADER, "Fader", channels, track.getFaderDb()));
        for (SimSend send : track.getSendsList()) {
            if (!send.getPreFader()) {
                stages.add(send(id, channels, send));
            }
        }
        List<String> outputs = new ArrayList<>();
        outputs.add(outputOf(track.getOutput()));
        track.getSendsList().forEach(s -> outputs.add(s.getTarget()));
        return strip(
                id,
                track.getName(),
                StripKind.STRIP_KIND_AUDIO_TRACK,
                channels,
                stages,
                new float[channels * session.blockFrames()],
                outputs.stream().distinct().toList(),
                mixBuses.get(outputOf(track.getOutput())),
                trim);
    }

    private StripChain bus(SimBus bus, StripKind kind, String inputName) {
        String id = bus.getId();
        int channels = bus.getChannels();
        boolean isMaster = kind == StripKind.STRIP_KIND_MASTER;
        List<ChainStage> stages = new ArrayList<>();
        stages.add(new SourceStage(id + "/source", inputName, channels, null));
        GainStage trim = gainStage(id, "trim", StageKind.STAGE_KIND_TRIM, "Trim", channels, bus.getTrimDb());
        stages.add(trim);
        plugins(id, channels, bus.getPluginsList(), stages);
        stages.add(gainStage(id, "fader", StageKind.STAGE_KIND_FADER, "Fader", channels, bus.getFaderDb()));
        List<String> outputs = isMaster ? List.of() : List.of(outputOf(bus.getOutput()));
        MixBus target = isMaster ? null : mixBuses.get(outputOf(bus.getOutput()));
        return strip(id, bus.getName(), kind, channels, stages, mixBuses.get(id).buffer, outputs, target, trim);
    }

    private StripChain strip(
            String id,
            String name,
            StripKind kind,
            int channels,
            List<ChainStage> stages,
            float[] buffer,
            List<String> outputs,
            MixBus target,
            GainStage trim) {
        stages.add(new OutputStage(id + "/output", channels, target));
        for (ChainStage stage : stages) {
            stageIds.add(stage.id());
        }
        // A source has no gain of its own: a fix asked of it lands on the trim right after it.
        gainTargets.put(id + "/source", gainTargets.get(trim.id()));
        return new StripChain(id, name, kind, channels, stages.toArray(ChainStage[]::new), buffer, outputs);
    }

    private GainStage gainStage(String strip, String stage, StageKind kind, String name, int channels, double db) {
        String id = strip + "/" + stage;
        GainParam param = new GainParam(db);
        gainTargets.put(id, new GainTarget(id, stage, param, null));
        return new GainStage(id, kind, name, channels, new RampedGain(param));
    }

    private void plugins(String strip, int channels, List<SimProcessor> processors, List<ChainStage> stages) {
        for (SimProcessor p : processors) {
            String id = strip + "/" + p.getId();
            GainParam output = new GainParam(p.getOutputDb());
            Plugins.Built built = Plugins.create(p, channels, session.sampleRate(), output);
            AtomicBoolean active = new AtomicBoolean(p.getActive());
            gainTargets.put(id, new GainTarget(id, built.adjustableLabel(), built.adjustable(), active));
            pluginSwitches.put(id, active);
            String name = p.getName().isEmpty() ? p.getId() : p.getName();
            stages.add(new PluginStage(
                    id,
                    name,
                    built.uri(),
                    Plugins.pluginClass(p),
                    Plugins.category(p),
                    active,
                    channels,
                    built.processor(),
                    new RampedGain(output)));
        }
    }

    private SendStage send(String strip, int channels, SimSend send) {
        String id = strip + "/send-" + send.getId();
        GainParam level = new GainParam(send.getLevelDb());
        gainTargets.put(id, new GainTarget(id, "send level", level, null));
        return new SendStage(
                id,
                "Send to " + send.getTarget(),
                channels,
                new RampedGain(level),
                new float[channels * session.blockFrames()],
                mixBuses.get(send.getTarget()));
    }

    private SignalSource source(SimTrack track) throws SimSessionException {
        SimSource source = track.getSource();
        return switch (source.getKindCase()) {
            case GENERATOR -> Generators.create(source.getGenerator(), session.sampleRate(), session.loopFrames());
            case WAV_FILE ->
                WavFiles.load(
                        baseDir.resolve(source.getWavFile()),
                        session.sampleRate(),
                        source.getGainDb(),
                        session.loopFrames());
            case KIND_NOT_SET -> SourceStage.SILENCE;
        };
    }

    private static String outputOf(String output) {
        return output.isEmpty() ? SessionValidator.MASTER : output;
    }
}
