// Kafka's own Java client as an oracle: for the engine's pure functions, and for what a real
// broker answers an admin call. The tests compile this file with javac against kafka-clients 4.4
// once per run and talk to it in JSON lines: one request per stdin line, one answer per stdout
// line, in order.
//
//   {"op":"murmur2","keys":[<base64>…]}                    -> {"hashes":[int…]}        Utils.murmur2
//   {"op":"partition","keys":[<base64>…],"partitions":N}   -> {"partitions":[int…]}    BuiltInPartitioner.partitionForKey
//   {"op":"assign","strategy":"range"|"roundrobin"|"sticky"|"cooperative-sticky",
//    "topics":{name:count},"members":[{"id","topics":[…],"owned":[[t,p]…],"generation":g,
//    "groupInstanceId":s}…]}                               -> {"assignment":{id:[[t,p]…]}}
//   {"op":"alterGroupOffsets","bootstrap":"host:port","groupId":g,"topic":t,
//    "offsets":{"<partition>":offset}}                     -> {"ok":true} or {"errorCode":"<Errors name>","message":"…"}
//                                                          Admin.alterConsumerGroupOffsets on a real broker
//   {"op":"memberStart"|"memberState"|"memberStop",…}      real KafkaConsumers in a group (GroupMembers.java)
//   any failure                                            -> {"error":"…"}
//
// Eager sticky reads a member's previous assignment and generation from its userData, which
// is produced as a real consumer produces it: onAssignment(owned, generation), then
// subscriptionUserData. Cooperative-sticky reads ownedPartitions and generationId from the
// subscription itself. Maps are HashMaps, as ConsumerCoordinator builds them.
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Assignment;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.consumer.RoundRobinAssignor;
import org.apache.kafka.clients.consumer.StickyAssignor;
import org.apache.kafka.clients.consumer.internals.AbstractPartitionAssignor;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.utils.Utils;

public final class KafkaOracle {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int DEFAULT_GENERATION = -1;

  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) continue;
      ObjectNode answer;
      try {
        answer = answer(JSON.readTree(line));
      } catch (Exception e) {
        answer = JSON.createObjectNode();
        answer.put("error", e.toString());
      }
      out.println(JSON.writeValueAsString(answer));
      out.flush();
    }
  }

  private static ObjectNode answer(JsonNode req) throws InterruptedException {
    String op = req.path("op").asText();
    switch (op) {
      case "murmur2": {
        ObjectNode res = JSON.createObjectNode();
        ArrayNode hashes = res.putArray("hashes");
        for (JsonNode key : req.path("keys")) hashes.add(Utils.murmur2(Base64.getDecoder().decode(key.asText())));
        return res;
      }
      case "partition": {
        int n = req.path("partitions").asInt();
        ObjectNode res = JSON.createObjectNode();
        ArrayNode parts = res.putArray("partitions");
        for (JsonNode key : req.path("keys")) parts.add(BuiltInPartitioner.partitionForKey(Base64.getDecoder().decode(key.asText()), n));
        return res;
      }
      case "assign":
        return assign(req);
      case "alterGroupOffsets":
        return alterGroupOffsets(req);
      case "memberStart":
        return GroupMembers.start(req);
      case "memberState":
        return GroupMembers.state(req);
      case "memberStop":
        return GroupMembers.stop(req);
      default:
        throw new IllegalArgumentException("unknown op " + op);
    }
  }

  /** What a real broker answers Admin.alterConsumerGroupOffsets (an OffsetCommit with no member). */
  private static ObjectNode alterGroupOffsets(JsonNode req) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, req.path("bootstrap").asText());
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    String topic = req.path("topic").asText();
    for (Iterator<Map.Entry<String, JsonNode>> it = req.path("offsets").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      offsets.put(new TopicPartition(topic, Integer.parseInt(e.getKey())), new OffsetAndMetadata(e.getValue().asLong()));
    }
    ObjectNode res = JSON.createObjectNode();
    try (Admin admin = Admin.create(props)) {
      admin.alterConsumerGroupOffsets(req.path("groupId").asText(), offsets).all().get(30, TimeUnit.SECONDS);
      res.put("ok", true);
    } catch (ExecutionException e) {
      res.put("errorCode", Errors.forException(e.getCause()).name());
      res.put("message", String.valueOf(e.getCause().getMessage()));
    } catch (Exception e) {
      res.put("error", e.toString());
    }
    return res;
  }

  private static ObjectNode assign(JsonNode req) {
    String strategy = req.path("strategy").asText();
    // As AbstractPartitionAssignor.assign(Cluster, GroupSubscription) does: only topics that
    // some member subscribes to are passed on.
    Set<String> subscribed = new HashSet<>();
    for (JsonNode m : req.path("members")) for (JsonNode t : m.path("topics")) subscribed.add(t.asText());
    Map<String, List<PartitionInfo>> partitionsPerTopic = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = req.path("topics").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!subscribed.contains(e.getKey())) continue;
      List<PartitionInfo> infos = new ArrayList<>();
      for (int p = 0; p < e.getValue().asInt(); p++) infos.add(new PartitionInfo(e.getKey(), p, null, null, null));
      partitionsPerTopic.put(e.getKey(), infos);
    }
    Map<String, Subscription> subscriptions = new HashMap<>();
    for (JsonNode m : req.path("members")) {
      String id = m.path("id").asText();
      List<String> topics = new ArrayList<>();
      for (JsonNode t : m.path("topics")) topics.add(t.asText());
      List<TopicPartition> owned = new ArrayList<>();
      for (JsonNode tp : m.path("owned")) owned.add(new TopicPartition(tp.get(0).asText(), tp.get(1).asInt()));
      int generation = m.has("generation") ? m.get("generation").asInt() : DEFAULT_GENERATION;
      Optional<String> instanceId = m.hasNonNull("groupInstanceId") ? Optional.of(m.get("groupInstanceId").asText()) : Optional.empty();
      ByteBuffer userData = null;
      if (strategy.equals("sticky") && m.has("owned")) {
        StickyAssignor previous = new StickyAssignor();
        previous.onAssignment(new Assignment(owned), new ConsumerGroupMetadata("oracle", generation, id, instanceId));
        userData = previous.subscriptionUserData(new HashSet<>(topics));
      }
      // An eager consumer revokes everything before it joins: its subscription owns nothing.
      List<TopicPartition> ownedInSubscription = strategy.equals("sticky") ? List.of() : owned;
      Subscription sub = new Subscription(topics, userData, ownedInSubscription, generation, Optional.empty());
      sub.setGroupInstanceId(instanceId);
      subscriptions.put(id, sub);
    }
    AbstractPartitionAssignor assignor;
    switch (strategy) {
      case "range": assignor = new RangeAssignor(); break;
      case "roundrobin": assignor = new RoundRobinAssignor(); break;
      case "sticky": assignor = new StickyAssignor(); break;
      case "cooperative-sticky": assignor = new CooperativeStickyAssignor(); break;
      default: throw new IllegalArgumentException("unknown strategy " + strategy);
    }
    Map<String, List<TopicPartition>> assignment = assignor.assignPartitions(partitionsPerTopic, subscriptions);
    ObjectNode res = JSON.createObjectNode();
    ObjectNode out = res.putObject("assignment");
    for (Map.Entry<String, List<TopicPartition>> e : assignment.entrySet()) {
      ArrayNode list = out.putArray(e.getKey());
      for (TopicPartition tp : e.getValue()) {
        ArrayNode pair = list.addArray();
        pair.add(tp.topic());
        pair.add(tp.partition());
      }
    }
    return res;
  }
}
