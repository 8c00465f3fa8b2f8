/**
 * The two text fields of the network calculators (an input size and a list of layers), whose
 * result shows only once the reader asks for it, and which keep what the reader typed before the
 * island loaded (typing then counts as asking, as it does once the island has loaded).
 */
import { useId, useState } from 'preact/hooks';
import { useRevealOnRequest } from './useRevealOnRequest';
import { adoptTexts, useTypedBeforeLoad } from './useTypedBeforeLoad';

export function useNetworkFields(input: string, layers: string) {
  const [texts, setTexts] = useState({ input, layers });
  const request = useRevealOnRequest();
  const uid = useId();
  useTypedBeforeLoad(`${uid}-heading`, (controls) => {
    const typed = adoptTexts(texts, controls);
    if (typed === texts) return;
    setTexts(typed);
    request.reveal();
  });
  return {
    uid,
    inputText: texts.input,
    setInputText: (text: string) => {
      setTexts((current) => ({ ...current, input: text }));
    },
    layersText: texts.layers,
    setLayersText: (text: string) => {
      setTexts((current) => ({ ...current, layers: text }));
    },
    ...request,
  };
}
