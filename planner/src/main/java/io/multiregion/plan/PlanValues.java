package io.multiregion.plan;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.core.internal.Constants;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the engine's wire values (protobuf structs, as the program sends them to the resource monitor) into plain
 * JSON-like values, marking what a preview cannot show: {@link Plan#UNKNOWN} and {@link Plan#SECRET}.
 */
final class PlanValues {
    private PlanValues() {
    }

    static Map<String, Object> plain(Struct struct) {
        Map<String, Object> out = new LinkedHashMap<>();
        struct.getFieldsMap().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.put(e.getKey(), plain(e.getValue())));
        return out;
    }

    static Object plain(Value value) {
        switch (value.getKindCase()) {
            case NULL_VALUE:
            case KIND_NOT_SET:
                return null;
            case BOOL_VALUE:
                return value.getBoolValue();
            case NUMBER_VALUE:
                double d = value.getNumberValue();
                if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                    return (long) d;
                }
                return d;
            case STRING_VALUE:
                return Constants.UnknownValue.equals(value.getStringValue()) ? Plan.UNKNOWN : value.getStringValue();
            case LIST_VALUE:
                return plain(value.getListValue());
            case STRUCT_VALUE:
                return special(value.getStructValue());
            default:
                return null;
        }
    }

    private static List<Object> plain(ListValue list) {
        List<Object> out = new ArrayList<>(list.getValuesCount());
        list.getValuesList().forEach(v -> out.add(plain(v)));
        return out;
    }

    private static Object special(Struct struct) {
        Map<String, Value> fields = struct.getFieldsMap();
        Value sig = fields.get(Constants.SpecialSigKey);
        if (sig == null) {
            return plain(struct);
        }
        String kind = sig.getStringValue();
        if (Constants.SpecialSecretSig.equals(kind)) {
            return Plan.SECRET;
        }
        if (Constants.SpecialOutputSig.equals(kind)) {
            Value secret = fields.get(Constants.SecretName);
            if (secret != null && secret.getBoolValue()) {
                return Plan.SECRET;
            }
            Value inner = fields.get(Constants.SecretValueName);
            return inner == null ? Plan.UNKNOWN : plain(inner);
        }
        if (Constants.SpecialResourceSig.equals(kind)) {
            Value urn = fields.get(Constants.ResourceUrnName);
            return urn == null ? Plan.UNKNOWN : "resource(" + urn.getStringValue() + ")";
        }
        if (Constants.SpecialAssetSig.equals(kind) || Constants.SpecialArchiveSig.equals(kind)) {
            String what = Constants.SpecialAssetSig.equals(kind) ? "asset" : "archive";
            for (String k : List.of(Constants.AssetOrArchivePathName, Constants.AssetOrArchiveUriName)) {
                Value v = fields.get(k);
                if (v != null) {
                    return what + "(" + v.getStringValue() + ")";
                }
            }
            Value text = fields.get(Constants.AssetTextName);
            if (text != null) {
                return what + "(text, " + text.getStringValue().length() + " characters)";
            }
            return what + "(...)";
        }
        return plain(struct);
    }
}
