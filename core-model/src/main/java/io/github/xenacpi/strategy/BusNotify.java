package io.github.xenacpi.strategy;

/** The status quo of the problem statement: only Linux's bus notifier asks Xen for mappings. */
public record BusNotify() implements MappingStrategy {

    @Override
    public String id() {
        return "bus-notify";
    }

    @Override
    public String description() {
        return "Linux maps the MEM resources of platform and AMBA devices through the BUS_NOTIFY_ADD_DEVICE"
                + " hook (xen_map_device_mmio); nothing else is mapped.";
    }
}
