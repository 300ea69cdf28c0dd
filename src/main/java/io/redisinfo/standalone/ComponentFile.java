package io.redisinfo.standalone;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.redisinfo.component.ComponentParser;
import io.redisinfo.component.ParsedComponent;
import io.redisinfo.resource.CrdSchema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one {@code --components} file: a YAML stream of {@code RedisComponent} documents, exactly
 * what is applied to a cluster. Each document is read on its own, so a broken document (even a YAML
 * syntax error) is reported with its index and skipped while the others load.
 */
final class ComponentFile {
  private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---[ \\t]*(#.*)?$");

  /** One document of the file: its 1-based index and what it parsed into. */
  record Document(int index, ParsedComponent component) {}

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
  private final ComponentParser parser;
  private final CrdSchema schema;

  /**
   * @param schema what the API server would check first (types, enums, ranges, unknown fields); the
   *     parser then checks the rules across fields, as in the cluster
   */
  ComponentFile(ComponentParser parser, CrdSchema schema) {
    this.parser = parser;
    this.schema = schema;
  }

  List<Document> parse(String text, String defaultNamespace) {
    List<Chunk> chunks = new ArrayList<>();
    int firstLine = 1; // of the chunk in the file, so errors give the file's line numbers
    for (String chunk : DOCUMENT_SEPARATOR.split(text, -1)) {
      int chunkLine = firstLine;
      // A chunk after the first starts on its separator's line, whose rest it holds.
      firstLine += (int) chunk.chars().filter(ch -> ch == '\n').count();
      if (chunk.lines().allMatch(line -> line.isBlank() || line.trim().startsWith("#"))) {
        continue; // empty documents (a leading '---', comments only) are not documents
      }
      chunks.add(new Chunk(chunk, chunkLine));
    }
    List<JsonNode> whole = wholeStream(text, chunks.size());
    List<Document> documents = new ArrayList<>(chunks.size());
    for (int c = 0; c < chunks.size(); c++) {
      int index = c + 1;
      Chunk chunk = chunks.get(c);
      JsonNode node;
      try {
        node = whole != null ? whole.get(c) : yaml.readTree(chunk.text());
      } catch (Exception e) {
        String detail =
            e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
        String where = "";
        if (e instanceof JsonProcessingException json && json.getLocation() != null) {
          JsonLocation at = json.getLocation();
          int line = chunk.firstLine() + at.getLineNr() - 1;
          where = " at line " + line + ", column " + at.getColumnNr();
        }
        documents.add(
            new Document(
                index,
                new ParsedComponent(
                    null, null, null, List.of("not valid YAML" + where + ": " + detail))));
        continue;
      }
      documents.add(new Document(index, checked(node, defaultNamespace)));
    }
    return documents;
  }

  /** A document's text and the file line it starts on. */
  private record Chunk(String text, int firstLine) {}

  /**
   * The documents read by one parser over the whole stream, or null unless that gives exactly
   * {@code expected} mappings (one per chunk, in order). A parser per document costs about 10 KB of
   * buffers each, a quarter of what a thousand-component file allocated at start-up; anything
   * unusual (a broken document, an empty or scalar one) is read chunk by chunk instead, so that
   * every problem is reported with its own document.
   */
  private List<JsonNode> wholeStream(String text, int expected) {
    List<JsonNode> nodes = new ArrayList<>(expected);
    try (MappingIterator<JsonNode> documents = yaml.readerFor(JsonNode.class).readValues(text)) {
      while (documents.hasNextValue()) {
        JsonNode node = documents.nextValue();
        if (node == null || !node.isObject() || nodes.size() == expected) {
          return null;
        }
        nodes.add(node);
      }
    } catch (Exception e) {
      return null;
    }
    return nodes.size() == expected ? nodes : null;
  }

  /** The parser's result, made invalid by the schema's problems too: every problem at once. */
  private ParsedComponent checked(JsonNode node, String defaultNamespace) {
    ParsedComponent parsed = parser.parse(node, defaultNamespace);
    List<String> schemaProblems =
        node != null && node.isObject() ? schema.specProblems(node) : List.of();
    if (schemaProblems.isEmpty()) {
      return parsed;
    }
    Set<String> problems = new LinkedHashSet<>(schemaProblems);
    problems.addAll(parsed.problems());
    return new ParsedComponent(parsed.namespace(), parsed.name(), null, List.copyOf(problems));
  }
}
