package io.agentmetrics.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The allocation-free meter index behind {@link MeterFamily}. */
class SeriesIndexTest {

  @Test
  void eachArityFindsWhatWasPutAndNothingElse() {
    SeriesIndex<String> index = new SeriesIndex<>();
    index.put(new String[] {"a"}, "1");
    index.put(new String[] {"a", "b"}, "2");
    index.put(new String[] {"a", "b", "c"}, "3");
    index.put(new String[] {"a", "b", "c", "d"}, "4");
    index.put(new String[] {"a", "b", "c", "d", "e"}, "5");
    index.put(new String[] {"a", "b", "c", "d", "e", "f"}, "6");

    assertThat(index.get("a")).isEqualTo("1");
    assertThat(index.get("a", "b")).isEqualTo("2");
    assertThat(index.get("a", "b", "c")).isEqualTo("3");
    assertThat(index.get("a", "b", "c", "d")).isEqualTo("4");
    assertThat(index.get("a", "b", "c", "d", "e")).isEqualTo("5");
    assertThat(index.get(new String[] {"a", "b", "c", "d", "e", "f"})).isEqualTo("6");
    assertThat(index.get(new String[] {"a", "b", "c"})).isEqualTo("3");
    assertThat(index.get("b")).isNull();
    assertThat(index.get("a", "c")).isNull();
    assertThat(index.get("a", null)).isNull();
    assertThat(index.get("a", "b", "c", "d", "x")).isNull();
  }

  @Test
  void growsPastItsInitialSizeAndKeepsEveryEntry() {
    SeriesIndex<Integer> index = new SeriesIndex<>();
    for (int i = 0; i < 5000; i++) {
      index.put(new String[] {"agent-" + (i % 7), "tool-" + i}, i);
    }
    for (int i = 0; i < 5000; i++) {
      assertThat(index.get("agent-" + (i % 7), "tool-" + i)).isEqualTo(i);
    }
  }

  @Test
  void aSecondPutOfTheSameValuesKeepsTheFirstMeter() {
    SeriesIndex<String> index = new SeriesIndex<>();
    index.put(new String[] {"x", "y"}, "first");
    index.put(new String[] {"x", "y"}, "second");
    assertThat(index.get("x", "y")).isEqualTo("first");
  }

  @Test
  void readersSeeEveryEntryOnceItsPutReturnedWhileAnotherThreadGrowsTheTable() throws Exception {
    SeriesIndex<Integer> index = new SeriesIndex<>();
    int count = 20_000;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    try {
      Future<?> writer =
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < count; i++) {
                  index.put(new String[] {"v" + i, "w"}, i);
                }
                return null;
              });
      Future<List<Integer>> reader =
          pool.submit(
              () -> {
                start.await();
                List<Integer> wrong = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                  Integer found = index.get("v" + i, "w");
                  if (found != null && found != i) {
                    wrong.add(i);
                  }
                }
                return wrong;
              });
      start.countDown();
      writer.get(30, TimeUnit.SECONDS);
      assertThat(reader.get(30, TimeUnit.SECONDS)).isEmpty();
    } finally {
      pool.shutdownNow();
    }
    for (int i = 0; i < count; i++) {
      assertThat(index.get("v" + i, "w")).isEqualTo(i);
    }
  }
}
