package io.agentmetrics.examples.springai;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

/**
 * Spring AI's {@link EmbeddingModel} over the all-MiniLM-L6-v2 model that LangChain4j ships as a
 * Maven package and runs in-process (ONNX Runtime). Spring AI's own transformers module needs the
 * PyTorch engine downloaded at start, which these machines cannot reach; this model needs nothing.
 */
final class InProcessEmbeddings implements EmbeddingModel {

  private final AllMiniLmL6V2EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();

  @Override
  public EmbeddingResponse call(EmbeddingRequest request) {
    List<Embedding> embeddings = new ArrayList<>();
    List<String> texts = request.getInstructions();
    for (int i = 0; i < texts.size(); i++) {
      embeddings.add(new Embedding(vector(texts.get(i)), i));
    }
    return new EmbeddingResponse(embeddings);
  }

  @Override
  public float[] embed(Document document) {
    return vector(document.getText());
  }

  private float[] vector(String text) {
    return model.embed(TextSegment.from(text)).content().vector();
  }
}
