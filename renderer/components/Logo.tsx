// The Operant mark: a pointer in a ring (the same drawing as the app icon).
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg className="logo" width={size} height={size} viewBox="0 0 512 512" aria-hidden="true">
      <defs>
        <linearGradient id="logo-bg" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#5B6CFF" />
          <stop offset="1" stopColor="#8B5CF6" />
        </linearGradient>
      </defs>
      <rect x="16" y="16" width="480" height="480" rx="112" fill="url(#logo-bg)" />
      <circle cx="256" cy="256" r="150" fill="none" stroke="#fff" strokeOpacity="0.35" strokeWidth="28" />
      <path d="M206 150 L206 372 L262 318 L300 400 L340 382 L302 302 L378 300 Z" fill="#fff" stroke="#fff" strokeWidth="14" strokeLinejoin="round" />
    </svg>
  );
}
