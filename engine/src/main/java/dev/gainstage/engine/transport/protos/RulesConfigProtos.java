package dev.gainstage.engine.transport.protos;

import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.gainstage.engine.rules.RuleOverrides;
import dev.gainstage.proto.v1.RulesConfig;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code RulesConfig} messages to and from thresholds by name. Its fields are looked up by name in
 * the descriptor, so a threshold added to config.proto and to RuleConfig needs no code here.
 */
public final class RulesConfigProtos {
    private RulesConfigProtos() {}

    /** The fields the message sets (proto3 {@code optional}: an absent field is not an override). */
    public static RuleOverrides overrides(RulesConfig message) {
        Map<String, Double> values = new TreeMap<>();
        message.getAllFields().forEach((field, value) -> values.put(field.getName(), (Double) value));
        return new RuleOverrides(values);
    }

    /** A message setting exactly the given thresholds. */
    public static RulesConfig message(Map<String, Double> values) {
        RulesConfig.Builder b = RulesConfig.newBuilder();
        values.forEach((name, value) -> {
            FieldDescriptor field = RulesConfig.getDescriptor().findFieldByName(name);
            if (field == null) {
                throw new IllegalStateException(
                        "config.proto has no field '" + name + "' for a threshold of RuleConfig");
            }
            b.setField(field, value);
        });
        return b.build();
    }
}
