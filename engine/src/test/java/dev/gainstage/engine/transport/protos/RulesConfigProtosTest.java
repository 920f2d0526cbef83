package dev.gainstage.engine.transport.protos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.gainstage.engine.rules.RuleConfig;
import dev.gainstage.engine.rules.RuleOverrides;
import dev.gainstage.proto.v1.RulesConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RulesConfigProtosTest {
    @Test
    void ruleConfigNamesItsThresholdsAsConfigProtoDoes() {
        assertEquals(
                RulesConfig.getDescriptor().getFields().stream()
                        .map(FieldDescriptor::getName)
                        .toList(),
                RuleConfig.names());
    }

    @Test
    void onlyTheFieldsSetAreOverrides() {
        RulesConfig m = RulesConfig.newBuilder()
                .setSourceHotPeakDbfs(-8)
                .setFaderMinDb(0)
                .build();
        RuleOverrides o = RulesConfigProtos.overrides(m);
        assertEquals(Map.of("source_hot_peak_dbfs", -8.0, "fader_min_db", 0.0), o.values(), "a 0 that is set counts");
        assertEquals(m, RulesConfigProtos.message(o.values()));
        assertEquals(RuleOverrides.NONE, RulesConfigProtos.overrides(RulesConfig.getDefaultInstance()));
        assertEquals(
                RuleConfig.names().size(),
                RulesConfigProtos.message(RuleConfig.defaults().byName())
                        .getAllFields()
                        .size());
    }
}
