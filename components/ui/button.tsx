type Variant = "primary" | "secondary" | "danger" | "link";

const styles: Record<Variant, string> = {
  primary: "bg-accent text-on-accent hover:bg-accent-dark border border-accent",
  secondary: "bg-surface text-ink border border-rule hover:border-ink",
  danger: "bg-danger text-on-accent border border-danger hover:opacity-90",
  link: "text-accent underline underline-offset-2 hover:text-accent-dark px-0 py-0",
};

export function buttonClass(variant: Variant = "primary", extra = ""): string {
  const box = variant === "link" ? "" : "rounded px-4 py-2";
  return `inline-flex items-center justify-center gap-2 text-sm font-semibold disabled:cursor-not-allowed disabled:opacity-60 ${box} ${styles[variant]} ${extra}`;
}

export function Button({
  variant = "primary",
  className = "",
  type = "button",
  ...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button type={type} className={buttonClass(variant, className)} {...props} />;
}
