package dev.gainstage.adapter.sim;

import dev.gainstage.proto.v1.SimBus;
import dev.gainstage.proto.v1.SimGenerator;
import dev.gainstage.proto.v1.SimProcessor;
import dev.gainstage.proto.v1.SimSend;
import dev.gainstage.proto.v1.SimSession;
import dev.gainstage.proto.v1.SimSource;
import dev.gainstage.proto.v1.SimTrack;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a {@link SimSession} before anything is built, so a bad file fails with one message that
 * names the field (as {@code tracks[kick].channels}) instead of misbehaving while it plays.
 */
final class SessionValidator {
    static final String MASTER = "master";
    static final int DEFAULT_SAMPLE_RATE = 48_000;
    static final int DEFAULT_BLOCK_FRAMES = 256;
    static final double MIN_GAIN_DB = -120;
    static final double MAX_GAIN_DB = 48;
    /** Stage names a processor id may not take, since they are the strip's own stages. */
    private static final Set<String> RESERVED_STAGES = Set.of("source", "trim", "fader", "output");
    /** Ids become stage ids "strip/stage": no slash, nothing a user could confuse. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private SessionValidator() {}

    static ResolvedSession validate(SimSession session) throws SimSessionException {
        int sampleRate = session.getSampleRate() == 0 ? DEFAULT_SAMPLE_RATE : session.getSampleRate();
        range("sample_rate", sampleRate, 8_000, 384_000);
        int blockFrames = session.getBlockFrames() == 0 ? DEFAULT_BLOCK_FRAMES : session.getBlockFrames();
        range("block_frames", blockFrames, 16, 16_384);
        double loop = session.getLoopSeconds();
        if (loop != 0) {
            range("loop_seconds", loop, 0.1, 3600);
        }

        Map<String, String> strips = new HashMap<>(); // id -> where it was declared
        strips.put(MASTER, "master");
        Map<String, SimBus> buses = new LinkedHashMap<>();
        for (int i = 0; i < session.getBusesCount(); i++) {
            SimBus bus = session.getBuses(i);
            String where = "buses[" + i + "]";
            uniqueId(where, bus.getId(), strips);
            buses.put(bus.getId(), bus);
        }
        for (int i = 0; i < session.getTracksCount(); i++) {
            uniqueId("tracks[" + i + "]", session.getTracks(i).getId(), strips);
        }
        SimBus master = session.hasMaster() ? session.getMaster() : SimBus.getDefaultInstance();
        if (!master.getId().isEmpty() && !master.getId().equals(MASTER)) {
            throw new SimSessionException("master.id: must be \"master\" or empty, got \"" + master.getId() + "\"");
        }
        master = withDefaults(master.toBuilder().setId(MASTER).setOutput(""), "Master");

        List<SimTrack> tracks = new ArrayList<>();
        for (SimTrack track : session.getTracksList()) {
            String where = "tracks[" + track.getId() + "]";
            if (track.getChannels() != 1 && track.getChannels() != 2) {
                throw new SimSessionException(where + ".channels: must be 1 or 2, got " + track.getChannels());
            }
            source(where + ".source", track.getSource(), sampleRate);
            gain(where + ".trim_db", track.getTrimDb());
            gain(where + ".fader_db", track.getFaderDb());
            target(where + ".output", track.getOutput(), buses);
            Set<String> stageIds = processors(where, track.getPluginsList(), sampleRate);
            sends(where, track.getSendsList(), buses, stageIds);
            tracks.add(
                    track.getName().isEmpty()
                            ? track.toBuilder().setName(track.getId()).build()
                            : track);
        }
        List<SimBus> declared = new ArrayList<>();
        for (SimBus bus : buses.values()) {
            String where = "buses[" + bus.getId() + "]";
            int channels = bus.getChannels();
            if (channels != 0 && channels != 1 && channels != 2) {
                throw new SimSessionException(where + ".channels: must be 1 or 2 (0: stereo), got " + channels);
            }
            gain(where + ".trim_db", bus.getTrimDb());
            gain(where + ".fader_db", bus.getFaderDb());
            target(where + ".output", bus.getOutput(), buses);
            processors(where, bus.getPluginsList(), sampleRate);
            declared.add(withDefaults(bus.toBuilder(), bus.getId()));
        }
        gain("master.trim_db", master.getTrimDb());
        gain("master.fader_db", master.getFaderDb());
        processors("master", master.getPluginsList(), sampleRate);
        if (master.getChannels() != 1 && master.getChannels() != 2) {
            throw new SimSessionException("master.channels: must be 1 or 2 (0: stereo), got " + master.getChannels());
        }
        long loopFrames = Math.round(loop * sampleRate);
        return new ResolvedSession(
                session.getName(),
                sampleRate,
                blockFrames,
                loopFrames,
                List.copyOf(tracks),
                busOrder(declared),
                List.copyOf(declared),
                master);
    }

    private static SimBus withDefaults(SimBus.Builder bus, String name) {
        if (bus.getChannels() == 0) {
            bus.setChannels(2);
        }
        if (bus.getName().isEmpty()) {
            bus.setName(name);
        }
        return bus.build();
    }

    private static void uniqueId(String where, String id, Map<String, String> seen) throws SimSessionException {
        if (!ID.matcher(id).matches()) {
            throw new SimSessionException(where + ".id: \"" + id + "\" is not a valid id (letters, digits, _ . -)");
        }
        String previous = seen.putIfAbsent(id, where);
        if (previous != null) {
            throw new SimSessionException(
                    where + ".id: duplicate id \"" + id + "\" (already used by " + previous + ")");
        }
    }

    private static void target(String where, String output, Map<String, SimBus> buses) throws SimSessionException {
        if (!output.isEmpty() && !output.equals(MASTER) && !buses.containsKey(output)) {
            throw new SimSessionException(where + ": unknown bus \"" + output + "\"");
        }
    }

    private static void source(String where, SimSource source, int sampleRate) throws SimSessionException {
        switch (source.getKindCase()) {
            case GENERATOR -> generator(where + ".generator", source.getGenerator(), sampleRate);
            case WAV_FILE -> {
                if (source.getWavFile().isBlank()) {
                    throw new SimSessionException(where + ".wav_file: empty path");
                }
                gain(where + ".gain_db", source.getGainDb());
            }
            case KIND_NOT_SET -> {} // an empty track: silence, as in a DAW
        }
    }

    private static void generator(String where, SimGenerator g, int sampleRate) throws SimSessionException {
        switch (g.getType()) {
            case SIM_GENERATOR_TYPE_UNSPECIFIED, UNRECOGNIZED ->
                throw new SimSessionException(where + ".type: must be set (SIM_SINE, SIM_DRUMS, ...)");
            default -> {}
        }
        range(where + ".peak_dbfs", g.getPeakDbfs(), MIN_GAIN_DB, 24);
        if (g.getFrequencyHz() != 0) {
            range(where + ".frequency_hz", g.getFrequencyHz(), 10, sampleRate / 2.0 * 0.95);
        }
        if (g.getTempoBpm() != 0) {
            range(where + ".tempo_bpm", g.getTempoBpm(), 30, 300);
        }
    }

    /** Returns the stage names the processors take, for the send check. */
    private static Set<String> processors(String where, List<SimProcessor> processors, int sampleRate)
            throws SimSessionException {
        Set<String> ids = new HashSet<>(RESERVED_STAGES);
        for (SimProcessor p : processors) {
            String at = where + ".plugins[" + p.getId() + "]";
            if (!ID.matcher(p.getId()).matches()) {
                throw new SimSessionException(
                        at + ".id: \"" + p.getId() + "\" is not a valid id (letters, digits, _ . -)");
            }
            if (!ids.add(p.getId()) || p.getId().startsWith("send-")) {
                throw new SimSessionException(at + ".id: duplicate or reserved stage id \"" + p.getId() + "\"");
            }
            gain(at + ".output_db", p.getOutputDb());
            Plugins.check(at, p, sampleRate);
        }
        return ids;
    }

    private static void sends(String where, List<SimSend> sends, Map<String, SimBus> buses, Set<String> stageIds)
            throws SimSessionException {
        Set<String> ids = new HashSet<>();
        for (SimSend send : sends) {
            String at = where + ".sends[" + send.getId() + "]";
            if (!ID.matcher(send.getId()).matches() || !ids.add(send.getId())) {
                throw new SimSessionException(at + ".id: invalid or duplicate send id \"" + send.getId() + "\"");
            }
            if (!buses.containsKey(send.getTarget())) {
                throw new SimSessionException(at + ".target: unknown bus \"" + send.getTarget() + "\"");
            }
            gain(at + ".level_db", send.getLevelDb());
        }
    }

    /** Kahn's algorithm over bus → bus edges; what remains lies on or behind a cycle. */
    private static List<SimBus> busOrder(List<SimBus> buses) throws SimSessionException {
        Map<String, SimBus> byId = new LinkedHashMap<>();
        Map<String, Integer> feeders = new HashMap<>();
        for (SimBus bus : buses) {
            byId.put(bus.getId(), bus);
            feeders.putIfAbsent(bus.getId(), 0);
            if (isBus(bus.getOutput(), buses)) {
                feeders.merge(bus.getOutput(), 1, Integer::sum);
            }
        }
        Deque<SimBus> ready = new ArrayDeque<>();
        for (SimBus bus : buses) {
            if (feeders.get(bus.getId()) == 0) {
                ready.add(bus);
            }
        }
        List<SimBus> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            SimBus bus = ready.poll();
            order.add(bus);
            if (isBus(bus.getOutput(), buses) && feeders.merge(bus.getOutput(), -1, Integer::sum) == 0) {
                ready.add(byId.get(bus.getOutput()));
            }
        }
        if (order.size() < buses.size()) {
            throw new SimSessionException("buses: routing cycle " + cycle(byId, feeders));
        }
        return List.copyOf(order);
    }

    private static boolean isBus(String id, List<SimBus> buses) {
        return buses.stream().anyMatch(b -> b.getId().equals(id));
    }

    /** Each bus has one output, so following outputs from a bus left over by Kahn reaches the cycle. */
    private static String cycle(Map<String, SimBus> byId, Map<String, Integer> feeders) {
        String id = feeders.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .findFirst()
                .orElseThrow()
                .getKey();
        List<String> path = new ArrayList<>();
        while (!path.contains(id)) {
            path.add(id);
            id = byId.get(id).getOutput();
        }
        List<String> loop = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
        loop.add(id);
        return String.join(" → ", loop);
    }

    static void gain(String where, double db) throws SimSessionException {
        range(where, db, MIN_GAIN_DB, MAX_GAIN_DB);
    }

    static void range(String where, double value, double min, double max) throws SimSessionException {
        if (!(value >= min && value <= max)) {
            throw new SimSessionException(where + ": " + value + " is outside " + min + " .. " + max);
        }
    }
}
