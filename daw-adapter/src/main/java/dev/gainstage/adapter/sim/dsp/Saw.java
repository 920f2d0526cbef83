package dev.gainstage.adapter.sim.dsp;

/** A sawtooth with PolyBLEP edges: cheap, and its aliasing stays well below the demo's levels. */
final class Saw {
    private double phase;
    private double increment;

    Saw(double phase) {
        this.phase = phase;
    }

    void frequency(double hz, double sampleRate) {
        increment = hz / sampleRate;
    }

    double next() {
        double t = phase;
        phase += increment;
        if (phase >= 1) {
            phase -= 1;
        }
        return 2 * t - 1 - polyBlep(t, increment);
    }

    private static double polyBlep(double t, double dt) {
        if (t < dt) {
            double x = t / dt;
            return x + x - x * x - 1;
        }
        if (t > 1 - dt) {
            double x = (t - 1) / dt;
            return x * x + x + x + 1;
        }
        return 0;
    }
}
