// Real Java consumers for the oracle (KafkaOracle.java routes the ops here): members of a
// consumer group on a real broker, with Kafka's own assignors (range, roundrobin, sticky,
// cooperative-sticky) and the classic group protocol, so the differential tests can compare
// what the engine's group hands each member with what Kafka's does. Each member polls on a
// thread of its own (a KafkaConsumer is single-threaded) and commits synchronously after every
// poll that returned records; what it owns, its generation and every record it received are
// published as a snapshot the oracle's thread reads.
//
//   {"op":"memberStart","bootstrap","groupId","clientId","topics":[…],"strategy",
//    "autoOffsetReset":"earliest"|"latest"}                 -> {"handle":n}
//   {"op":"memberState","handle":n}  -> {"assignment":[[t,p]…],"generation":g,"consumed":[[t,p,offset]…],"error":…}
//   {"op":"memberStop","handle":n}   -> {"ok":true}   close(): commits nothing more, leaves the group
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.consumer.RoundRobinAssignor;
import org.apache.kafka.clients.consumer.StickyAssignor;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

final class GroupMembers {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<Integer, Member> MEMBERS = new ConcurrentHashMap<>();
  private static final AtomicInteger NEXT = new AtomicInteger(1);

  private GroupMembers() {}

  private static final class Member implements Runnable {
    final KafkaConsumer<byte[], byte[]> consumer;
    final List<String> topics;
    final Thread thread;
    volatile boolean running = true;
    // Written by the poll thread, read by the oracle's: replaced whole, never mutated in place.
    volatile List<TopicPartition> assignment = List.of();
    volatile int generation = -1;
    volatile String error = null;
    final List<long[]> consumed = new ArrayList<>();
    final List<String> consumedTopics = new ArrayList<>();

    Member(Properties props, List<String> topics) {
      this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
      this.topics = topics;
      this.thread = new Thread(this, "member-" + props.getProperty(ConsumerConfig.CLIENT_ID_CONFIG));
      this.thread.setDaemon(true);
    }

    @Override
    public void run() {
      try {
        consumer.subscribe(topics);
        while (running) {
          ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
          synchronized (consumed) {
            for (ConsumerRecord<byte[], byte[]> r : records) {
              consumedTopics.add(r.topic());
              consumed.add(new long[] {r.partition(), r.offset()});
            }
          }
          if (!records.isEmpty()) consumer.commitSync();
          List<TopicPartition> owned = new ArrayList<>(consumer.assignment());
          owned.sort(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
          assignment = owned;
          generation = consumer.groupMetadata().generationId();
        }
      } catch (WakeupException e) {
        // stop() woke the poll: fall through to close.
      } catch (Exception e) {
        error = e.toString();
      } finally {
        consumer.close(Duration.ofSeconds(10));
      }
    }
  }

  static ObjectNode start(JsonNode req) {
    String strategy = req.path("strategy").asText();
    String assignor;
    switch (strategy) {
      case "range": assignor = RangeAssignor.class.getName(); break;
      case "roundrobin": assignor = RoundRobinAssignor.class.getName(); break;
      case "sticky": assignor = StickyAssignor.class.getName(); break;
      case "cooperative-sticky": assignor = CooperativeStickyAssignor.class.getName(); break;
      default: throw new IllegalArgumentException("unknown strategy " + strategy);
    }
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, req.path("bootstrap").asText());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, req.path("groupId").asText());
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, req.path("clientId").asText());
    props.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
    props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, assignor);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, req.path("autoOffsetReset").asText("earliest"));
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<String> topics = new ArrayList<>();
    for (JsonNode t : req.path("topics")) topics.add(t.asText());
    Member m = new Member(props, topics);
    int handle = NEXT.getAndIncrement();
    MEMBERS.put(handle, m);
    m.thread.start();
    ObjectNode res = JSON.createObjectNode();
    res.put("handle", handle);
    return res;
  }

  static ObjectNode state(JsonNode req) {
    Member m = member(req);
    ObjectNode res = JSON.createObjectNode();
    ArrayNode owned = res.putArray("assignment");
    for (TopicPartition tp : m.assignment) {
      ArrayNode pair = owned.addArray();
      pair.add(tp.topic());
      pair.add(tp.partition());
    }
    res.put("generation", m.generation);
    ArrayNode consumed = res.putArray("consumed");
    synchronized (m.consumed) {
      for (int i = 0; i < m.consumed.size(); i++) {
        ArrayNode rec = consumed.addArray();
        rec.add(m.consumedTopics.get(i));
        rec.add(m.consumed.get(i)[0]);
        rec.add(m.consumed.get(i)[1]);
      }
    }
    if (m.error != null) res.put("memberError", m.error);
    return res;
  }

  static ObjectNode stop(JsonNode req) throws InterruptedException {
    Member m = member(req);
    m.running = false;
    m.consumer.wakeup();
    m.thread.join(30_000);
    MEMBERS.remove(req.path("handle").asInt());
    ObjectNode res = JSON.createObjectNode();
    res.put("ok", true);
    return res;
  }

  private static Member member(JsonNode req) {
    Member m = MEMBERS.get(req.path("handle").asInt());
    if (m == null) throw new IllegalArgumentException("no member with handle " + req.path("handle").asText());
    return m;
  }
}
