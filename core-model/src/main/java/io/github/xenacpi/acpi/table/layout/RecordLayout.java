package io.github.xenacpi.acpi.table.layout;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fixed structure bound to the record that holds it, so that one definition reads, writes and names it, as
 * ACPICA's field tables drive both its disassembler and its compiler. Each component of the record is the
 * layout's field of the same name: an integer field for a {@code long} or {@code int} component (at most 4 bytes
 * for an {@code int}), an integer field read as not zero for a {@code boolean} (written 1 or 0), an ASCII field for a
 * {@code String}, and, when the binding is given a {@link FieldReader} for
 * a type this package does not know (a Generic Address Structure, say), a GAS or bytes field for a component of that
 * type. An {@code int} component named {@code offset}, when the layout has no field of that name, holds the
 * structure's table offset ({@link Struct#offset()}), as records of sub-tables keep where they lie; a writer has no
 * use for it. Components a binding is told the decoder supplies (a list that follows the structure, a length
 * the framing decides) are no fields: {@link #read(Struct, Object...)} takes their values in the record's order and
 * {@link #values} leaves them out. Fields the record has no component for (framing,
 * reserved bytes) are left to the framing: read past, written as the writer sets them or as zeros. The binding is
 * checked when it is made, so a misspelt name fails when the decoder's class loads, not on some input. A component
 * named like a framing field ({@code type}, {@code length}) binds to it, so bind by name only records whose components
 * mean the fields of their names (CEDT's host bridge, whose {@code length} is the register block's, names its field).
 * Where a record's names are not its fields', {@link #binder} names them: a component read from a field of another
 * name, and a component that is itself a record whose components lie among the structure's fields (a register
 * with its preserve and write masks, say), read and written through the same layout.
 *
 * @param <R> the record the structure decodes into
 */
public final class RecordLayout<R extends Record> {
    private final Class<R> type;
    private final Layout layout;
    private final List<Component> components;
    private final Constructor<R> constructor;

    /**
     * Reads a field of a type the layout package does not know (a Generic Address Structure, say) from a structure.
     *
     * @param <T> the type the field reads as
     */
    @FunctionalInterface
    public interface FieldReader<T> {
        /** The value of the field {@code name} of {@code s}. */
        T read(Struct s, String name);
    }

    /** The name of the component that holds the structure's table offset when the layout has no such field. */
    private static final String OFFSET = "offset";

    /** Where a component's value comes from. */
    private enum Source {
        /** The field of its name. */
        FIELD,
        /** The structure's table offset. */
        OFFSET,
        /** The decoder, as an argument of {@link #read(Struct, Object...)}. */
        SUPPLIED,
        /** A record of its own, read from fields of the structure by a binding of its own. */
        NESTED
    }

    /**
     * One component of the record with its source, how to read it back and, for other types, how to read its
     * field.
     */
    private record Component(
            String name,
            String field,
            Class<?> type,
            Method accessor,
            FieldReader<?> reader,
            RecordLayout<?> nested,
            Source source) {}

    private RecordLayout(Class<R> type, Layout layout, List<Component> components, Constructor<R> constructor) {
        this.type = type;
        this.layout = layout;
        this.components = List.copyOf(components);
        this.constructor = constructor;
    }

    /**
     * Binds {@code type}'s components to the fields of {@code layout} by name.
     *
     * @throws IllegalArgumentException when a component has no field of its name or of a type it can hold
     */
    public static <R extends Record> RecordLayout<R> of(Class<R> type, Layout layout) {
        return bind(type, layout, null, null, List.of(), Map.of(), Map.of());
    }

    /**
     * Binds {@code type}'s components to the fields of {@code layout} by name, except the {@code supplied} ones,
     * whose values the decoder gives {@link #read(Struct, Object...)}.
     *
     * @throws IllegalArgumentException when a component has no field of its name or of a type it can hold, or a
     *     supplied name is no component
     */
    public static <R extends Record> RecordLayout<R> of(Class<R> type, Layout layout, String... supplied) {
        return bind(type, layout, null, null, List.of(supplied), Map.of(), Map.of());
    }

    /**
     * Binds {@code type}'s components to the fields of {@code layout} by name, a component of {@code valueType}
     * to a GAS or bytes field read by {@code reader}.
     *
     * @throws IllegalArgumentException when a component has no field of its name or of a type it can hold
     */
    public static <R extends Record, T> RecordLayout<R> of(
            Class<R> type, Layout layout, Class<T> valueType, FieldReader<T> reader, String... supplied) {
        return bind(type, layout, valueType, reader, List.of(supplied), Map.of(), Map.of());
    }

    /**
     * Starts a binding of {@code type} to {@code layout} whose components need more than their names to find their
     * fields: fields of other names, nested records, supplied components and a reader for another type, each named
     * on the {@link Binder}.
     */
    public static <R extends Record> Binder<R> binder(Class<R> type, Layout layout) {
        return new Binder<>(type, layout);
    }

    /**
     * The parts of a binding that names its fields: what {@link #of} infers from the record's names, told here
     * where the record's names are not its fields'. Checked when {@link #build()} binds, as {@link #of} is.
     *
     * @param <R> the record the structure decodes into
     */
    public static final class Binder<R extends Record> {
        private final Class<R> type;
        private final Layout layout;
        private final List<String> supplied = new ArrayList<>();
        private final Map<String, String> fields = new LinkedHashMap<>();
        private final Map<String, List<String>> nested = new LinkedHashMap<>();
        private Class<?> valueType;
        private FieldReader<?> reader;

        private Binder(Class<R> type, Layout layout) {
            this.type = type;
            this.layout = layout;
        }

        /** Components the decoder gives {@link RecordLayout#read(Struct, Object...)}, in the record's order. */
        public Binder<R> supplied(String... components) {
            supplied.addAll(List.of(components));
            return this;
        }

        /** Components of {@code type} are GAS or bytes fields read by {@code fieldReader}. */
        public <T> Binder<R> reader(Class<T> type, FieldReader<T> fieldReader) {
            this.valueType = type;
            this.reader = fieldReader;
            return this;
        }

        /** The component {@code component} is the field {@code field}, not the field of its own name. */
        public Binder<R> field(String component, String field) {
            fields.put(component, field);
            return this;
        }

        /**
         * The component {@code component} is a record whose components are, in its order, the structure's
         * {@code fields} (with none named, the fields of their own names); they are read and written as a bound
         * record's are.
         */
        public Binder<R> nested(String component, String... fieldNames) {
            nested.put(component, List.of(fieldNames));
            return this;
        }

        /**
         * The binding.
         *
         * @throws IllegalArgumentException when a component has no field or of a type it can hold, or a name told
         *     the binder is no component
         */
        public RecordLayout<R> build() {
            return bind(type, layout, valueType, reader, supplied, fields, nested);
        }
    }

    private static <R extends Record> RecordLayout<R> bind(
            Class<R> type,
            Layout layout,
            Class<?> valueType,
            FieldReader<?> reader,
            List<String> supplied,
            Map<String, String> fields,
            Map<String, List<String>> nested) {
        List<Component> components = new ArrayList<>();
        RecordComponent[] declared = type.getRecordComponents();
        for (String name : supplied) {
            if (Arrays.stream(declared).noneMatch(c -> c.getName().equals(name))) {
                throw new IllegalArgumentException(type.getSimpleName() + " has no component " + name + " to supply");
            }
        }
        List<String> named = new ArrayList<>(fields.keySet());
        named.addAll(nested.keySet());
        for (String name : named) {
            if (Arrays.stream(declared).noneMatch(c -> c.getName().equals(name))) {
                throw new IllegalArgumentException(type.getSimpleName() + " has no component " + name + " to bind");
            }
        }
        for (RecordComponent c : declared) {
            Class<?> t = c.getType();
            String name = c.getName();
            if (supplied.contains(name)) {
                components.add(new Component(name, name, t, c.getAccessor(), null, null, Source.SUPPLIED));
                continue;
            }
            if (nested.containsKey(name)) {
                components.add(new Component(
                        name,
                        name,
                        t,
                        c.getAccessor(),
                        null,
                        nestedBinding(type, layout, c, valueType, reader, nested.get(name)),
                        Source.NESTED));
                continue;
            }
            if (name.equals(OFFSET) && t == int.class && !fields.containsKey(name) && !layout.hasField(OFFSET)) {
                components.add(new Component(OFFSET, OFFSET, t, c.getAccessor(), null, null, Source.OFFSET));
                continue;
            }
            Field f = fieldFor(layout, c, fields.getOrDefault(name, name));
            boolean fits = (t == long.class && f.type() == FieldType.UINT && f.length() <= 8)
                    || (t == int.class && f.type() == FieldType.UINT && f.length() <= 4)
                    || (t == boolean.class && f.type() == FieldType.UINT && f.length() <= 8)
                    || (t == String.class && f.type() == FieldType.ASCII);
            boolean other =
                    valueType != null && t == valueType && (f.type() == FieldType.GAS || f.type() == FieldType.BYTES);
            if (!fits && !other) {
                throw new IllegalArgumentException(type.getSimpleName() + "." + c.getName() + " (" + t.getSimpleName()
                        + ") cannot hold the " + f.length() + "-byte " + f.type() + " field of " + layout.name());
            }
            components.add(
                    new Component(name, f.name(), t, c.getAccessor(), other ? reader : null, null, Source.FIELD));
        }
        Class<?>[] parameters =
                Arrays.stream(declared).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<R> constructor = type.getConstructor(parameters);
            if (!Modifier.isPublic(type.getModifiers())) {
                // Found at binding, as a decoder's static binding is made, rather than at the first record read.
                throw new NoSuchMethodException(type.getName() + " is not public");
            }
            return new RecordLayout<>(type, layout, components, constructor);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getSimpleName() + " has no public canonical constructor", e);
        }
    }

    /** The binding of a nested record's components, in its order, to {@code fieldNames} of the outer layout. */
    private static RecordLayout<?> nestedBinding(
            Class<?> outer,
            Layout layout,
            RecordComponent c,
            Class<?> valueType,
            FieldReader<?> reader,
            List<String> fieldNames) {
        if (!c.getType().isRecord()) {
            throw new IllegalArgumentException(outer.getSimpleName() + "." + c.getName() + " is no record to nest");
        }
        Class<? extends Record> inner = c.getType().asSubclass(Record.class);
        RecordComponent[] parts = inner.getRecordComponents();
        if (fieldNames.isEmpty()) {
            return bind(inner, layout, valueType, reader, List.of(), Map.of(), Map.of());
        }
        if (parts.length != fieldNames.size()) {
            throw new IllegalArgumentException(outer.getSimpleName() + "." + c.getName() + " has " + parts.length
                    + " components, but " + fieldNames.size() + " fields are named for them");
        }
        Map<String, String> renamed = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            renamed.put(parts[i].getName(), fieldNames.get(i));
        }
        return bind(inner, layout, valueType, reader, List.of(), renamed, Map.of());
    }

    private static Field fieldFor(Layout layout, RecordComponent c, String fieldName) {
        try {
            return layout.field(fieldName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    c.getDeclaringRecord().getSimpleName() + "." + c.getName() + " has no field "
                            + (fieldName.equals(c.getName()) ? "of its name" : fieldName) + " in " + layout.name(),
                    e);
        }
    }

    /** The structure's layout. */
    public Layout layout() {
        return layout;
    }

    /** The record the structure decodes into. */
    public Class<R> type() {
        return type;
    }

    /**
     * The record a structure holds; fields cut short read as 0 or empty, as {@link Struct} reads them. The
     * components the binding was told are supplied take {@code supplied}, in the record's order.
     *
     * @throws IllegalArgumentException when {@code supplied} does not hold one value per supplied component
     */
    public R read(Struct s, Object... supplied) {
        Object[] args = new Object[components.size()];
        int next = 0;
        for (int i = 0; i < args.length; i++) {
            Component c = components.get(i);
            if (c.source() == Source.SUPPLIED) {
                if (next >= supplied.length) {
                    throw new IllegalArgumentException(type.getSimpleName() + "." + c.name() + " is not supplied");
                }
                args[i] = supplied[next++];
            } else if (c.source() == Source.OFFSET) {
                args[i] = s.offset();
            } else if (c.source() == Source.NESTED) {
                args[i] = c.nested().read(s);
            } else if (c.reader() != null) {
                args[i] = c.reader().read(s, c.field());
            } else if (c.type() == long.class) {
                args[i] = s.value(c.field());
            } else if (c.type() == int.class) {
                args[i] = s.intValue(c.field());
            } else if (c.type() == boolean.class) {
                args[i] = s.value(c.field()) != 0;
            } else {
                args[i] = s.text(c.field());
            }
        }
        if (next != supplied.length) {
            throw new IllegalArgumentException(
                    supplied.length + " values supplied to " + type.getSimpleName() + ", which takes " + next);
        }
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw rethrown(e, "constructing " + type.getSimpleName());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("constructing " + type.getSimpleName(), e);
        }
    }

    /**
     * The record's fields by name, in the record's order, for a writer: {@code Long} for integer fields (1 or 0
     * for a {@code boolean}),
     * {@code String} for ASCII ones, the component's own value for a field read by a {@link FieldReader}; the
     * structure's table offset and the supplied components are no fields and are left out; a nested record gives
     * its fields in its place (none when it is null).
     */
    public Map<String, Object> values(R record) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Component c : components) {
            if (c.source() != Source.FIELD && c.source() != Source.NESTED) {
                continue;
            }
            Object v;
            try {
                v = c.accessor().invoke(record);
            } catch (InvocationTargetException e) {
                throw rethrown(e, "reading " + type.getSimpleName() + "." + c.name());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("reading " + type.getSimpleName() + "." + c.name(), e);
            }
            if (c.source() == Source.NESTED) {
                if (v != null) {
                    out.putAll(nestedValues(c.nested(), v));
                }
                continue;
            }
            if (v instanceof Boolean b) {
                v = b ? 1L : 0L;
            }
            out.put(c.field(), v instanceof Integer i ? (Object) i.longValue() : v);
        }
        return out;
    }

    private static <N extends Record> Map<String, Object> nestedValues(RecordLayout<N> binding, Object value) {
        return binding.values(binding.type().cast(value));
    }

    /** What a record's constructor or accessor threw, as it threw it when unchecked. */
    private static RuntimeException rethrown(InvocationTargetException e, String doing) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(doing, cause);
    }
}
