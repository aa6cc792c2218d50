// The lines both sides of the katex comparison render: a sigmoid derivation, repeated.
const LINES = [
  "\\sigma'(x) = \\frac{d}{dx}\\left(1+e^{-x}\\right)^{-1}",
  '= -\\left(1+e^{-x}\\right)^{-2}\\cdot\\left(-e^{-x}\\right)',
  '= \\frac{e^{-x}}{\\left(1+e^{-x}\\right)^{2}}',
  '= \\frac{1}{1+e^{-x}} \\cdot \\frac{e^{-x}}{1+e^{-x}}',
  '= \\frac{1}{1+e^{-x}} \\cdot \\left(1 - \\frac{1}{1+e^{-x}}\\right)',
  '= \\sigma(x)\\left(1-\\sigma(x)\\right)',
];

export function benchLines(n: number): string[] {
  return Array.from({ length: n }, (_, i) => LINES[i % LINES.length]!);
}
