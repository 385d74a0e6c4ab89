import Foundation
import ReelKit

extension A1111Backend {
    /// Placed people become Regional Prompter columns and character references ControlNet
    /// IP-Adapter units, when the server has those extensions; otherwise the progress log says
    /// what was left out and the request goes as plain text.
    func addRegionsAndReferences(
        to body: inout A1111Wire.GenerateRequest, request: Request, context: GenerationContext
    ) async throws {
        let people = request.placedPeople
        guard !people.isEmpty || !request.characterReferences.isEmpty else { return }
        let found = await A1111Extensions.discover(baseURL: baseURL, transport: transport)
        var scripts: [String: JSONValue] = [:]
        if !people.isEmpty {
            if found.regionalPrompter {
                body.prompt = A1111Regions.prompt(body.prompt, people: people)
                scripts["Regional Prompter"] = A1111Regions.regionalPrompter(people)
            } else {
                context.progress(0, "the server has no Regional Prompter; people are placed by the prompt's words only")
            }
        }
        if !request.characterReferences.isEmpty {
            if let model = found.ipAdapterModel {
                let sent = ReferenceAllotment(request, limit: A1111Regions.controlNetUnits).all
                let weight = request.options.characterWeight.map { min(2, Double($0) / 100) } ?? 0.8
                scripts["controlnet"] = A1111Regions.controlNet(
                    try sent.map { try context.data(of: $0.source) }, model: model, weight: weight)
            } else {
                context.progress(0, "the server has no ControlNet IP-Adapter model; character references dropped")
            }
        }
        body.alwayson_scripts = scripts.isEmpty ? nil : scripts
    }
}
