package io.agentmetrics.core;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The meters of the label sets a {@link MeterFamily} has already accepted, found from the label
 * values themselves without allocating: no key object, no array for up to six labels. Lookups are
 * lock-free (an open-addressing table of immutable entries read with volatile reads); inserts are
 * serialised and happen once per series. Holds only series the family created, so it is bounded by
 * the family's caps.
 *
 * @param <M> the meter
 */
final class SeriesIndex<M> {

  private volatile AtomicReferenceArray<Entry<M>> table = new AtomicReferenceArray<>(16);
  private int size; // guarded by this

  M get(String a) {
    return find(1, a, null, null, null, null, null);
  }

  M get(String a, String b) {
    return find(2, a, b, null, null, null, null);
  }

  M get(String a, String b, String c) {
    return find(3, a, b, c, null, null, null);
  }

  M get(String a, String b, String c, String d) {
    return find(4, a, b, c, d, null, null);
  }

  M get(String a, String b, String c, String d, String e) {
    return find(5, a, b, c, d, e, null);
  }

  M get(String a, String b, String c, String d, String e, String f) {
    return find(6, a, b, c, d, e, f);
  }

  /** Any number of labels; for up to six the fixed-arity lookups avoid the array. */
  M get(String[] values) {
    int hash = Arrays.hashCode(values);
    AtomicReferenceArray<Entry<M>> slots = table;
    int mask = slots.length() - 1;
    for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
      Entry<M> entry = slots.get(i);
      if (entry == null) {
        return null;
      }
      if (entry.hash == hash && Arrays.equals(entry.values, values)) {
        return entry.meter;
      }
    }
  }

  /** Remembers the meter of {@code values}; the array must not be modified afterwards. */
  synchronized void put(String[] values, M meter) {
    if (get(values) != null) {
      return;
    }
    AtomicReferenceArray<Entry<M>> slots = table;
    if ((size + 1) * 2 > slots.length()) {
      AtomicReferenceArray<Entry<M>> grown = new AtomicReferenceArray<>(slots.length() * 2);
      for (int i = 0; i < slots.length(); i++) {
        Entry<M> entry = slots.get(i);
        if (entry != null) {
          insert(grown, entry);
        }
      }
      insert(grown, new Entry<>(values, meter));
      table = grown;
    } else {
      insert(slots, new Entry<>(values, meter));
    }
    size++;
  }

  private M find(int arity, String a, String b, String c, String d, String e, String f) {
    int hash = hash(arity, a, b, c, d, e, f);
    AtomicReferenceArray<Entry<M>> slots = table;
    int mask = slots.length() - 1;
    for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
      Entry<M> entry = slots.get(i);
      if (entry == null) {
        return null;
      }
      if (entry.hash == hash && entry.matches(arity, a, b, c, d, e, f)) {
        return entry.meter;
      }
    }
  }

  private static <M> void insert(AtomicReferenceArray<Entry<M>> slots, Entry<M> entry) {
    int mask = slots.length() - 1;
    int i = spread(entry.hash) & mask;
    while (slots.get(i) != null) {
      i = (i + 1) & mask;
    }
    slots.set(i, entry);
  }

  /** {@link Arrays#hashCode(Object[])} of the first {@code arity} values, without the array. */
  private static int hash(int arity, String a, String b, String c, String d, String e, String f) {
    int h = hash(1, a);
    if (arity >= 2) {
      h = hash(h, b);
    }
    if (arity >= 3) {
      h = hash(h, c);
    }
    if (arity >= 4) {
      h = hash(h, d);
    }
    if (arity >= 5) {
      h = hash(h, e);
    }
    if (arity >= 6) {
      h = hash(h, f);
    }
    return h;
  }

  private static int hash(int h, String value) {
    return 31 * h + (value == null ? 0 : value.hashCode());
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }

  private static final class Entry<M> {
    final String[] values;
    final int hash;
    final M meter;

    Entry(String[] values, M meter) {
      this.values = values;
      this.hash = Arrays.hashCode(values);
      this.meter = meter;
    }

    boolean matches(int arity, String a, String b, String c, String d, String e, String f) {
      String[] v = values;
      return v.length == arity
          && Objects.equals(v[0], a)
          && (arity < 2 || Objects.equals(v[1], b))
          && (arity < 3 || Objects.equals(v[2], c))
          && (arity < 4 || Objects.equals(v[3], d))
          && (arity < 5 || Objects.equals(v[4], e))
          && (arity < 6 || Objects.equals(v[5], f));
    }
  }
}
