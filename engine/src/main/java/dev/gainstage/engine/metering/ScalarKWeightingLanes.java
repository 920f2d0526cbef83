package dev.gainstage.engine.metering;

/**
 * The lanes in plain Java: the taps two at a time through the pair loop of {@link KWeightingFilter} (one tap alone
 * leaves the loop's recursion waiting; a second rides in the gaps), an odd last tap alone.
 */
final class ScalarKWeightingLanes implements KWeightingLanes {
    /** Where an odd last tap's copy lands: measured and ignored. */
    private final SegmentStats ignored = new SegmentStats();

    @Override
    public void filterAndMeasure(
            KWeightingFilter[] filters, float[][] samples, int count, int pos, int n, SegmentStats[] out) {
        int i = 0;
        for (; i + 1 < count; i += 2) {
            KWeightingFilter.filterAndMeasurePair(
                    filters[i], samples[i], pos, filters[i + 1], samples[i + 1], pos, n, out[i], out[i + 1]);
        }
        if (i < count) {
            filters[i].filterAndMeasure(0, samples[i], pos, pos, 1, n, out[i], ignored);
        }
    }

    @Override
    public String describe() {
        return "scalar pairs";
    }
}
