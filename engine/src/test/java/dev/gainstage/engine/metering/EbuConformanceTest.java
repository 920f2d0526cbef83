package dev.gainstage.engine.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The synthetic cases of EBU Tech 3341 (loudness metering, v4 2016) and Tech 3342 (loudness range,
 * v4 2016), generated here instead of read from the EBU test set. All are stereo 48 kHz sines at
 * 1 kHz unless stated; levels are dBFS peak per channel, so a stereo sine at X dBFS reads X LUFS.
 * Tolerances are the specifications': +-0.1 LU for loudness, +-1 LU for LRA, +0.2/-0.4 dB for
 * true peak.
 */
class EbuConformanceTest {
    private static final double LU = 0.1;

    private static TestSignal stereo1k() {
        return TestSignal.sine(48_000, 2, 1000);
    }

    private static void assertLoudness(double expected, double actual, String what) {
        assertEquals(expected, actual, LU, what);
    }

    /** Tech 3341 case 1: -23 dBFS, 20 s: M, S and I = -23.0 LUFS. */
    @Test
    void case1MinusTwentyThree() {
        assertSteadyTone(-23);
    }

    /** Tech 3341 case 2: -33 dBFS, 20 s: M, S and I = -33.0 LUFS. */
    @Test
    void case2MinusThirtyThree() {
        assertSteadyTone(-33);
    }

    private static void assertSteadyTone(double dbfs) {
        MeterReading r = stereo1k().then(dbfs, 20).measure();
        assertLoudness(dbfs, r.momentaryLufs(), "M");
        assertLoudness(dbfs, r.shortTermLufs(), "S");
        assertLoudness(dbfs, r.integratedLufs(), "I");
    }

    /** Tech 3341 case 3: -36 dBFS 10 s, -23 dBFS 60 s, -36 dBFS 10 s: I = -23.0 (relative gate). */
    @Test
    void case3RelativeGate() {
        MeterReading r = stereo1k().then(-36, 10).then(-23, 60).then(-36, 10).measure();
        assertLoudness(-23, r.integratedLufs(), "I");
    }

    /** Tech 3341 case 4: -72, -36, -23 (60 s), -36, -72 dBFS, 10 s each otherwise: I = -23.0 (both gates). */
    @Test
    void case4AbsoluteAndRelativeGate() {
        MeterReading r = stereo1k()
                .then(-72, 10)
                .then(-36, 10)
                .then(-23, 60)
                .then(-36, 10)
                .then(-72, 10)
                .measure();
        assertLoudness(-23, r.integratedLufs(), "I");
    }

    /** Tech 3341 case 5: -26 dBFS 20 s, -20 dBFS 20.1 s, -26 dBFS 20 s: I = -23.0. */
    @Test
    void case5GatedMean() {
        MeterReading r = stereo1k().then(-26, 20).then(-20, 20.1).then(-26, 20).measure();
        assertLoudness(-23, r.integratedLufs(), "I");
    }

    /**
     * Tech 3341 case 9: 20 s alternating 1.34 s at -20 dBFS and 1.66 s at -30 dBFS (a 3 s period):
     * S = -23.0 LUFS, constant after 3 s. Checked at every 100 ms update.
     */
    @Test
    void case9ShortTermConstant() {
        TestSignal s = stereo1k();
        for (int i = 0; i < 7; i++) {
            s.then(-20, 1.34).then(-30, 1.66);
        }
        assertEveryUpdate(s, 3.0, false);
    }

    /**
     * Tech 3341 case 12: 20 s alternating 0.18 s at -20 dBFS and 0.22 s at -30 dBFS (a 0.4 s period):
     * M = -23.0 LUFS, constant after 1 s. Checked at every 100 ms update.
     */
    @Test
    void case12MomentaryConstant() {
        TestSignal s = stereo1k();
        for (int i = 0; i < 50; i++) {
            s.then(-20, 0.18).then(-30, 0.22);
        }
        assertEveryUpdate(s, 1.0, true);
    }

    private static void assertEveryUpdate(TestSignal signal, double afterSeconds, boolean momentary) {
        float[] all = signal.render();
        StageMeter meter = new StageMeter(MeterOptions.defaults());
        meter.initialize(48_000, 2, 4800);
        int checked = 0;
        for (int f = 0; f + 4800 <= all.length / 2; f += 4800) {
            meter.process(all, f * 2, 4800);
            MeterReading r = meter.reading();
            if (r.seconds() >= afterSeconds - 1e-9) {
                double v = momentary ? r.momentaryLufs() : r.shortTermLufs();
                assertLoudness(-23, v, (momentary ? "M" : "S") + " at " + r.seconds() + " s");
                checked++;
            }
        }
        assertTrue(checked > 100, "checked " + checked + " updates");
    }

    /**
     * Tech 3341 cases 15-18: sines at 48 kHz whose samples miss the waveform's peak, true peak
     * -6.0 dBTP (+0.2/-0.4): 15 = fs/4 at 0 deg phase, 16 = fs/4 at 45 deg, 17 = fs/6 at 60 deg,
     * 18 = fs/8 at 67.5 deg. Case 19: fs/4 at 45 deg with samples at 0 dBFS: true peak +3.0 dBTP.
     * The tones get a 20 ms fade-in: a tone switched on abruptly (e.g. at 60 deg, 0.87 of its peak)
     * really does overshoot between samples when reconstructed, which would measure the onset rather
     * than the steady tone the cases are about.
     */
    @Test
    void cases15To19TruePeak() {
        assertTruePeak(12_000, 0, -6, -6);
        assertTruePeak(12_000, 45, -6, -6);
        assertTruePeak(8_000, 60, -6, -6);
        assertTruePeak(6_000, 67.5, -6, -6);
        assertTruePeak(12_000, 45, 20 * Math.log10(Math.sqrt(2)), 3.0);
    }

    private static void assertTruePeak(double hz, double phaseDegrees, double waveformPeakDbfs, double expectedDbtp) {
        MeterReading r = TestSignal.sine(48_000, 2, hz, phaseDegrees)
                .fadeIn(0.02)
                .then(waveformPeakDbfs, 2)
                .measure();
        String what = hz + " Hz, " + phaseDegrees + " deg: true peak " + r.maxTruePeakDbtp() + ", sample peak "
                + r.maxSamplePeakDbfs();
        assertTrue(r.maxTruePeakDbtp() <= expectedDbtp + 0.2 && r.maxTruePeakDbtp() >= expectedDbtp - 0.4, what);
        assertTrue(r.truePeakDbtp() <= expectedDbtp + 0.2 && r.truePeakDbtp() >= expectedDbtp - 0.4, what);
    }

    /** Tech 3342 case 1: -20 dBFS 20 s then -30 dBFS 20 s: LRA = 10 +-1 LU. */
    @Test
    void lraCase1() {
        assertEquals(10, stereo1k().then(-20, 20).then(-30, 20).measure().loudnessRangeLu(), 1);
    }

    /** Tech 3342 case 2: -20 dBFS 20 s then -15 dBFS 20 s: LRA = 5 +-1 LU. */
    @Test
    void lraCase2() {
        assertEquals(5, stereo1k().then(-20, 20).then(-15, 20).measure().loudnessRangeLu(), 1);
    }

    /** Tech 3342 case 3: -40 dBFS 20 s then -20 dBFS 20 s: LRA = 20 +-1 LU. */
    @Test
    void lraCase3() {
        assertEquals(20, stereo1k().then(-40, 20).then(-20, 20).measure().loudnessRangeLu(), 1);
    }

    /** Tech 3342 case 4: -50, -35, -20, -35, -50 dBFS, 20 s each: LRA = 15 +-1 LU (relative gate). */
    @Test
    void lraCase4() {
        MeterReading r = stereo1k()
                .then(-50, 20)
                .then(-35, 20)
                .then(-20, 20)
                .then(-35, 20)
                .then(-50, 20)
                .measure();
        assertEquals(15, r.loudnessRangeLu(), 1);
    }
}
