package dev.nodefix.expr;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import org.apache.commons.jexl3.introspection.JexlPermissions;

/**
 * JEXL permissions that allow nothing: no class, package, constructor, method or field of any Java type is
 * visible to an expression. Map and list navigation, literals and operators do not go through these checks,
 * so they still work; {@code x.getClass()}, {@code s.toUpperCase()}, {@code m.put(k, v)} or {@code new(...)}
 * resolve to nothing and fail.
 */
final class NoJavaAccess implements JexlPermissions {
    @Override
    public boolean allow(Package pack) {
        return pack != null && pack.getName().equals("java.util");
    }

    @Override
    public boolean allow(Class<?> clazz) {
        return java.util.Map.class.isAssignableFrom(clazz) || java.util.List.class.isAssignableFrom(clazz);
    }

    @Override
    public boolean allow(Constructor<?> ctor) {
        return false;
    }

    @Override
    public boolean allow(Method method) {
        return method.getName().equals("get") && method.getParameterCount() == 1 && allow(method.getDeclaringClass());
    }

    @Override
    public boolean allow(Field field) {
        return false;
    }

    @Override
    public JexlPermissions compose(String... src) {
        return this;
    }
}
