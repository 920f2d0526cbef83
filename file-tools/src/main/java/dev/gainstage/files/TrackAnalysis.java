package dev.gainstage.files;

import dev.gainstage.engine.metering.MeterReading;

/** One analysed track (a stem or the sum): its figures at the end and its levels over time. */
public record TrackAnalysis(String name, AudioFormat format, MeterReading reading, LevelSeries series) {}
