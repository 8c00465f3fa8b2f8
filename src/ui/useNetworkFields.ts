/**
 * The two text fields of the network calculators (an input size and a list of layers), whose
 * result shows only once the reader asks for it, and which keep what the reader typed before the
 * island loaded (typing then counts as asking, as it does once the island has loaded).
 */
import { useId, useState } from 'preact/hooks';
import { useRevealOnRequest } from './useRevealOnRequest';
import { adoptTypedText, useTypedBeforeLoad } from './useTypedBeforeLoad';

export function useNetworkFields(input: string, layers: string) {
  const [inputText, setInputText] = useState(input);
  const [layersText, setLayersText] = useState(layers);
  const request = useRevealOnRequest();
  const uid = useId();
  useTypedBeforeLoad(`${uid}-heading`, (controls) => {
    const typedInput = adoptTypedText(controls, 'input', inputText, setInputText);
    const typedLayers = adoptTypedText(controls, 'layers', layersText, setLayersText);
    if (typedInput || typedLayers) request.reveal();
  });
  return { uid, inputText, setInputText, layersText, setLayersText, ...request };
}
