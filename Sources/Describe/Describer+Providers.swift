import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension Describer {
    /// Any OpenAI-compatible chat-completions server: OpenAI, Ollama, vLLM, llama.cpp, LM Studio.
    /// The answer's JSON Schema goes in `response_format` (strict), so servers that support it constrain
    /// the model to it; the answer is validated all the same.
    public static func openAI(baseURL: URL, model: String, apiKey: String?, timeout: TimeInterval,
                              maxTokens: Int = 2_048, transport: HTTPTransport = .urlSession) -> Describer {
        let redact = Redactor(secrets: apiKey.map { [$0] } ?? [])
        return Describer(provider: "openai", model: model, isRemote: true, redact: redact) { request, feedback in
            var http = URLRequest(url: baseURL.appendingPathComponent("chat/completions"), timeoutInterval: timeout)
            http.httpMethod = "POST"
            http.setValue("application/json", forHTTPHeaderField: "Content-Type")
            if let apiKey, !apiKey.isEmpty { http.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization") }
            let body: [String: Any] = [
                "model": model,
                "temperature": 0,
                "max_tokens": maxTokens,
                "messages": [
                    ["role": "system", "content": Prompt.system],
                    ["role": "user", "content": Prompt.user(request, feedback: feedback)],
                ],
                "response_format": [
                    "type": "json_schema",
                    "json_schema": ["name": "table_descriptions", "strict": true, "schema": Prompt.schema(request)] as [String: Any],
                ] as [String: Any],
            ]
            http.httpBody = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
            let object = try await send(http, transport, redact)
            guard let choices = object["choices"] as? [[String: Any]],
                  let message = choices.first?["message"] as? [String: Any],
                  let content = message["content"] as? String
            else { throw DescribeError(.malformed("no choices[0].message.content")) }
            return try Prompt.answer(from: content)
        }
    }

    /// Anthropic's messages API; the answer's schema is the `input_schema` of a tool the model must call.
    public static func anthropic(baseURL: URL, model: String, apiKey: String?, timeout: TimeInterval,
                                 maxTokens: Int = 2_048, transport: HTTPTransport = .urlSession) -> Describer {
        let redact = Redactor(secrets: apiKey.map { [$0] } ?? [])
        return Describer(provider: "anthropic", model: model, isRemote: true, redact: redact) { request, feedback in
            var http = URLRequest(url: baseURL.appendingPathComponent("messages"), timeoutInterval: timeout)
            http.httpMethod = "POST"
            http.setValue("application/json", forHTTPHeaderField: "Content-Type")
            http.setValue("2023-06-01", forHTTPHeaderField: "anthropic-version")
            if let apiKey, !apiKey.isEmpty { http.setValue(apiKey, forHTTPHeaderField: "x-api-key") }
            let body: [String: Any] = [
                "model": model,
                "max_tokens": maxTokens,
                "system": Prompt.system,
                "messages": [["role": "user", "content": Prompt.user(request, feedback: feedback)]],
                "tools": [[
                    "name": "record_descriptions",
                    "description": "Record the descriptions of the table and its columns.",
                    "input_schema": Prompt.schema(request),
                ] as [String: Any]],
                "tool_choice": ["type": "tool", "name": "record_descriptions"],
            ]
            http.httpBody = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
            let object = try await send(http, transport, redact)
            guard let content = object["content"] as? [[String: Any]],
                  let use = content.first(where: { $0["type"] as? String == "tool_use" }),
                  let input = use["input"] as? [String: Any]
            else { throw DescribeError(.malformed("no tool_use block in content")) }
            return try Prompt.answer(from: input)
        }
    }

    private static func send(_ request: URLRequest, _ transport: HTTPTransport, _ redact: Redactor) async throws -> [String: Any] {
        let (data, response) = try await transport.send(request)
        guard response.statusCode == 200 else {
            let retryAfter = response.value(forHTTPHeaderField: "Retry-After").flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            // Error bodies may echo the key and the prompt: only a redacted excerpt is kept, for the log.
            throw DescribeError(.http(status: response.statusCode, retryAfter: retryAfter, body: redact.excerpt(data)))
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw DescribeError(.malformed("the response body is not a JSON object"))
        }
        return object
    }
}
