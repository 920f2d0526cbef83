package dev.gainstage.adapter.sim.corpus;

import com.google.protobuf.TextFormat;
import dev.gainstage.proto.v1.SimBandType;
import dev.gainstage.proto.v1.SimBus;
import dev.gainstage.proto.v1.SimCompressor;
import dev.gainstage.proto.v1.SimEq;
import dev.gainstage.proto.v1.SimEqBand;
import dev.gainstage.proto.v1.SimProcessor;
import dev.gainstage.proto.v1.SimSaturator;
import dev.gainstage.proto.v1.SimSession;
import dev.gainstage.proto.v1.SimSource;
import dev.gainstage.proto.v1.SimTrack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Sim sessions of the corpus's stems: a well-staged mix, as an engineer would set it up (sources around −12 dBFS
 * peak, plugins that leave the level where they found it, a drum bus and a master with headroom), and variants that
 * each plant one staging problem in it.
 */
public final class CorpusSessions {
    private CorpusSessions() {}

    /** The well-staged mix. */
    public static SimSession wellStaged() {
        SimSession.Builder s = SimSession.newBuilder()
                .setName("Corpus song")
                .setSampleRate(RealCorpus.SAMPLE_RATE)
                .setBlockFrames(256);
        s.addTracks(track("kick", "Kick", 2, 0).setOutput("drums").addPlugins(eq("eq", "Kick EQ", 60, 2)));
        s.addTracks(track("snare", "Snare", 2, 0).setOutput("drums"));
        s.addTracks(track("hats", "Hats", 2, -3).setOutput("drums"));
        s.addTracks(track("bass", "Bass", 2, 0).addPlugins(eq("eq", "Bass EQ", 80, 1.5)));
        s.addTracks(track("keys", "Keys", 2, -2));
        s.addTracks(track("vox", "Vox", 1, 0).addPlugins(eq("eq", "Vox EQ", 3000, 2)));
        s.addBuses(SimBus.newBuilder()
                .setId("drums")
                .setName("Drums")
                .setChannels(2)
                .setFaderDb(-3));
        s.setMaster(SimBus.newBuilder().setId("master").setName("Master").setChannels(2));
        return s.build();
    }

    /** The well-staged mix with one change. */
    public static SimSession variant(String name, UnaryOperator<SimSession.Builder> change) {
        return change.apply(wellStaged().toBuilder().setName("Corpus song, " + name))
                .build();
    }

    /** Writes the session next to the stems (its file sources are relative to its folder) and returns its path. */
    public static Path write(SimSession session, String fileName) throws IOException, InterruptedException {
        Path file = RealCorpus.stems().resolve(fileName + ".textproto");
        Files.writeString(file, TextFormat.printer().printToString(session));
        return file;
    }

    static SimTrack.Builder track(String id, String name, int channels, double faderDb) {
        return SimTrack.newBuilder()
                .setId(id)
                .setName(name)
                .setChannels(channels)
                .setSource(SimSource.newBuilder().setWavFile(id + ".wav"))
                .setFaderDb(faderDb);
    }

    static SimProcessor.Builder eq(String id, String name, double hz, double gainDb) {
        return SimProcessor.newBuilder()
                .setId(id)
                .setName(name)
                .setActive(true)
                .setEq(SimEq.newBuilder()
                        .addBands(SimEqBand.newBuilder()
                                .setType(SimBandType.SIM_PEAK)
                                .setFrequencyHz(hz)
                                .setQ(1)
                                .setGainDb(gainDb)));
    }

    static SimProcessor.Builder compressor(String id, String name, double thresholdDb, double makeupDb) {
        return SimProcessor.newBuilder()
                .setId(id)
                .setName(name)
                .setActive(true)
                .setCompressor(SimCompressor.newBuilder()
                        .setThresholdDb(thresholdDb)
                        .setRatio(3)
                        .setAttackMs(10)
                        .setReleaseMs(120)
                        .setMakeupDb(makeupDb));
    }

    static SimProcessor.Builder saturator(String id, String name, double driveDb) {
        return SimProcessor.newBuilder()
                .setId(id)
                .setName(name)
                .setActive(true)
                .setSaturator(SimSaturator.newBuilder().setDriveDb(driveDb));
    }
}
