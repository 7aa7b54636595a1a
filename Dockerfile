# syntax=docker/dockerfile:1
# Build: a static binary (no cgo), with the module cache reused between builds.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/newsbot ./cmd/newsbot

# Run: distroless static, as the non-root user. Zone data is compiled into the
# binary (time/tzdata), CA certificates come with the image.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/newsbot /newsbot
USER nonroot:nonroot
EXPOSE 8080
ENV HTTP_ADDR=:8080
ENTRYPOINT ["/newsbot"]
CMD ["serve"]
