package io.llmsentinel.jobs.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.configuration.ConfigOption;

/**
 * A ConfigOption as its holder class declares it ({@code public static final ConfigOption<T>}),
 * with {@code T}: Flink keeps an option's value type to itself, and the configuration loader (enum
 * values) and the generated documentation (the type column) need it.
 *
 * @param option the option
 * @param valueType {@code T}, e.g. {@code Duration} or {@code List<KeyDimension>}
 */
public record DeclaredOption(ConfigOption<?> option, Type valueType) {

    /** Every public static ConfigOption field of {@code holder}, in declaration order. */
    public static List<DeclaredOption> in(Class<?> holder) {
        List<DeclaredOption> out = new ArrayList<>();
        for (Field f : holder.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == ConfigOption.class) {
                Type declared = f.getGenericType();
                if (!(declared instanceof ParameterizedType p)) {
                    throw new IllegalStateException(
                            holder.getName() + "." + f.getName() + " needs a value type");
                }
                try {
                    out.add(
                            new DeclaredOption(
                                    (ConfigOption<?>) f.get(null), p.getActualTypeArguments()[0]));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }

    public String key() {
        return option.key();
    }

    /** Whether the value is a list (Flink list syntax: {@code a;b} or {@code [a, b]}). */
    public boolean isList() {
        return valueType instanceof ParameterizedType p && p.getRawType() == List.class;
    }

    /** The enum the value (or each element of a list value) is one of, if it is a choice. */
    public Optional<Class<? extends Enum<?>>> choices() {
        Type element =
                isList() ? ((ParameterizedType) valueType).getActualTypeArguments()[0] : valueType;
        if (element instanceof Class<?> c && c.isEnum()) {
            @SuppressWarnings("unchecked")
            Class<? extends Enum<?>> type = (Class<? extends Enum<?>>) c;
            return Optional.of(type);
        }
        return Optional.empty();
    }

    /** The value type without packages: {@code Duration}, {@code List<String>}. */
    public String typeName() {
        return simpleName(valueType);
    }

    private static String simpleName(Type type) {
        if (type instanceof Class<?> c) {
            return c.getSimpleName();
        }
        if (type instanceof ParameterizedType p) {
            List<String> args = new ArrayList<>();
            for (Type a : p.getActualTypeArguments()) {
                args.add(simpleName(a));
            }
            return simpleName(p.getRawType()) + "<" + String.join(", ", args) + ">";
        }
        return type.getTypeName();
    }
}
