package io.quarkiverse.schematic.runtime.gate;

import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagValue;
import io.quarkiverse.schematic.SchematicService;

/** A flag checked for the current caller on every call. */
record CallerFlagValue(String flag, SchematicService schematic) implements FlagValue {

    @Override
    public FlagCheck details() {
        return schematic.checkFlagDetailsForCaller(flag);
    }

    @Override
    public String toString() {
        return "FlagValue[" + flag + "]";
    }
}
